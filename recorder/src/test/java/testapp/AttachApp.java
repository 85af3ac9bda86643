package testapp;

import com.sun.tools.attach.VirtualMachine;

/** Works, attaches the agent to itself (args[0] = jar, args[1] = options), works again. */
public class AttachApp {
    static int work(int i) {
        return i + 1;
    }

    public static void main(String[] args) throws Exception {
        int s = 0;
        for (int i = 0; i < 3; i++) {
            s += work(i);
        }
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
        try {
            vm.loadAgent(args[0], args[1]);
        } finally {
            vm.detach();
        }
        for (int i = 0; i < 4; i++) {
            s += work(i);
        }
        System.out.println("attach s=" + s);
    }
}
