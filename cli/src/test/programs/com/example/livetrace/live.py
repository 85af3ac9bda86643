GONE = compile("def twice(x):\n    y = x + x\n    return y\n", "gone.py", "exec")
def square(x):
    return x * x

def main():
    total = 0
    for i in range(4):
        if i % 2 == 0:
            total += square(i)
        else:
            total -= 1
    g = {'__file__': 'gone.py'}; exec(GONE, g); t = g['twice'](total)
    print("total", total, t)
    s = "a\tb"	# tab
    return total

main()
