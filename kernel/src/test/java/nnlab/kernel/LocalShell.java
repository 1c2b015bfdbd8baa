package nnlab.kernel;

import jdk.jshell.JShell;

/** A JShell for source analysis in tests: local engine (starts fast), the test class path, nnlab packages imported. */
final class LocalShell {

    private LocalShell() {
    }

    static JShell withImports(String... packages) {
        JShell shell = JShell.builder().executionEngine("local").build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        for (String pkg : packages) {
            shell.eval("import " + pkg + ".*;");
        }
        return shell;
    }
}
