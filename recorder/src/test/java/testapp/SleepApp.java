package testapp;

/** Does some work, says "ready", then sleeps until killed. */
public class SleepApp {
    static int work(int i) {
        return i * 2;
    }

    public static void main(String[] args) throws Exception {
        int s = 0;
        for (int i = 0; i < 10; i++) {
            s += work(i);
        }
        System.out.println("ready " + s);
        System.out.flush();
        Thread.sleep(120_000);
    }
}
