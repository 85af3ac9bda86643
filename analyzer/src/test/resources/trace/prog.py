# a loop, a call, a branch never taken, a function never called
def square(x):
    return x * x


def never(y):
    z = y + 1
    return z


def main():
    total = 0
    for i in range(7):
        total += square(i)
    if total < 0:
        print("negative")  #pragma NO COVER
    if total < 0:
        print("impossible")
    s = "a\tb"	# tab
    return total


main()
