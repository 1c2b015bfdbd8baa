package nnlab.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.CompleteReply;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * The Jupyter kernel "java" (display name "Java (nnlab)"): JJava's protocol base plus an {@link Evaluator}.
 *
 * <p>Execute requests stream output through {@link NotebookOutput} while the cell runs and end
 * with an {@code execute_result} (the last expression, rendered as PNG, HTML or text) or an
 * {@code error}. The interrupt request (kernelspec {@code interrupt_mode: message}) stops the
 * running cell. The evaluator starts in the background so {@code kernel_info} is answered at
 * once; the first cell waits for it. The kernel_info reply carries {@code "status": "ok"}. Output
 * made between cells (a background thread still printing) goes to the evaluator's kernel-level
 * listener, {@link BetweenCells}, which publishes it under the last execute request, as ipykernel does.
 *
 * <pre>{@code
 * JavaKernel k = new JavaKernel(Evaluator.Options.fromEnvironment());
 * k.becomeHandlerForConnection(connection);
 * connection.connect();
 * }</pre>
 */
public final class JavaKernel extends BaseKernel {
    static final String VERSION = "0.1.0";
    /** The complete_reply metadata key JupyterLab reads each match's kind from. */
    static final String TYPES = "_jupyter_types_experimental";

    private final CompletableFuture<Evaluator> evaluator;
    private final BetweenCells betweenCells = new BetweenCells();
    private final History history = new History();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nnlab-output-batcher");
        t.setDaemon(true);
        return t;
    });

    /** A kernel whose session starts now, in the background. */
    public JavaKernel(Evaluator.Options options) {
        super("nnlab-java", VERSION,
                new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java", "java", null),
                List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                null, new JupyterIO(StandardCharsets.UTF_8), new KernelComms(), new Renderer(), null,
                new MagicsRegistry(), false, new StringStyler("", "", "", n -> ""));
        this.evaluator = CompletableFuture.supplyAsync(() -> {
            Evaluator ev = new Evaluator(options);
            ev.setIdleListener(betweenCells);
            CompilerWarmup.start(ev);     // compiles course-shaped cells, and runs none, once the student is reading
            return ev;
        });
        comms().deliverTo(this::deliver);
    }

    private KernelComms comms() {
        return (KernelComms) commManager;
    }

    /**
     * Hands a comm message from the notebook to the widget library in the student JVM (the kernel to
     * student-JVM channel); its output, and a callback's error, go where output between cells goes.
     */
    private void deliver(String commId, String method, String json) {
        CellResult r = ev().evaluateInternal("nnlab.widgets.Comms.deliver(" + javaString(commId) + ", "
                + javaString(method) + ", " + javaString(json) + ")", betweenCells);
        if (r.status() == CellResult.Status.INTERRUPTED) {
            betweenCells.stderr("nnlab kernel: the widget callback was stopped; the widgets and variables are kept\n");
        } else if (!r.ok()) {
            betweenCells.stderr("nnlab kernel: a widget message could not be handled: " + r.ename() + ": " + r.evalue() + "\n");
        }
    }

    /** {@code s} as a Java string literal (backslashes doubled, so JSON's {@code \\u} escapes stay text). */
    static String javaString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c < 0x20 ? String.format("\\%03o", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }

    private Evaluator ev() {
        return evaluator.join();
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = request.isSilent() ? executionCount.get() : executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        CellResult r;
        try (NotebookOutput out = new NotebookOutput(env, timer, comms(), message)) {
            try {
                betweenCells.target = out;   // from the end of this cell until the next one starts
                r = ev().run(request.getCode(), out);
            } catch (RuntimeException e) {
                r = new CellResult(CellResult.Status.CRASH, null, null, "KernelError",
                        "the Java session could not start or run: " + e.getMessage(), List.of(String.valueOf(e)), 0);
            }
        }
        if (!request.isSilent() && request.shouldStoreHistory()) {
            history.add(count, request.getCode(), r.value() == null ? "" : r.value().get("text/plain"));
        }
        if (r.ok()) {
            if (r.value() != null && !request.isSilent()) {
                env.publish(new PublishExecuteResult(count, NotebookOutput.data(r.value())));
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } else {
            env.publish(new PublishError(r.ename(), r.evalue(), r.traceback()));
            ErrorReply error = new ErrorReply(r.ename(), r.evalue(), r.traceback());
            error.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
        }
    }

    /**
     * The kernel-level listener: output made while no cell runs goes to the last cell's request (a
     * closed {@link NotebookOutput} publishes at once); before the first cell there is nowhere to show it.
     */
    static final class BetweenCells implements Listener {
        volatile Listener target = Listener.NONE;

        @Override
        public void stdout(String text) {
            target.stdout(text);
        }

        @Override
        public void stderr(String text) {
            target.stderr(text);
        }

        @Override
        public void display(String id, Map<String, String> bundle) {
            target.display(id, bundle);
        }

        @Override
        public void update(String id, Map<String, String> bundle) {
            target.update(id, bundle);
        }

        @Override
        public void comm(String method, String commId, String targetName, String json) {
            target.comm(method, commId, targetName, json);
        }

        @Override
        public void clear(boolean wait) {
            target.clear(wait);
        }
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new OkKernelInfoReply(name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    /** JJava's reply lacks {@code status}; Jupyter clients expect {@code "ok"}. */
    static final class OkKernelInfoReply extends KernelInfoReply {
        @SuppressWarnings("unused") // read by Gson
        private final String status = "ok";

        OkKernelInfoReply(String name, String version, LanguageInfo info, String banner, List<HelpLink> links) {
            super(Header.PROTOCOL_VERISON, name, version, info, banner, links);
        }
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (nnlab kernel " + VERSION + "): JShell with nnlab on the class path";
    }

    @Override
    public Object evalRaw(String source) {
        CellResult r = ev().run(source, Listener.NONE);
        if (!r.ok()) {
            throw new IllegalStateException(r.ename() + ": " + r.evalue());
        }
        return r.value() == null ? null : NotebookOutput.data(r.value());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        Map<String, String> doc = ev().inspectFully(code, at);
        return doc == null ? null : NotebookOutput.data(doc);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        Assist.Completion c = ev().complete(code, at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    /** As JJava's, plus each match's kind and type in the reply's {@code _jupyter_types_experimental}. */
    @Override
    protected void handleCompleteRequest(ShellReplyEnvironment env, Message<CompleteRequest> message) {
        CompleteRequest request = message.getContent();
        env.setBusyDeferIdle();
        try {
            Assist.Completion c = ev().complete(request.getCode(), request.getCursorPos());
            env.reply(new CompleteReply(c.matches(), c.start(), c.end(), Map.of(TYPES, types(c))));
        } catch (RuntimeException e) {
            env.replyError(CompleteReply.MESSAGE_TYPE.error(), ErrorReply.of(e));
        }
    }

    /** Jupyter's experimental completion metadata: start, end, text, type and signature of each match. */
    static List<Map<String, Object>> types(Assist.Completion c) {
        return c.items().stream().map(i -> Map.<String, Object>of("start", c.start(), "end", c.end(), "text", i.text(),
                "type", i.kind(), "signature", i.type())).toList();
    }

    /**
     * The cells of this kernel process ({@link History}): {@code tail}, {@code range} and {@code search},
     * each entry {@code [session, number, input]} or, with {@code output}, {@code [session, number, [input,
     * result text]]}; with {@code "status": "ok"} so JupyterLab does not warn "History was unable to be
     * retrieved" after a restart.
     */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest r = message.getContent();
        List<History.Entry> found;
        if (r instanceof HistoryRequest.Tail t) {
            found = history.tail(t.getMaxReturnLength());
        } else if (r instanceof HistoryRequest.Range g) {
            found = history.range(g.getSessionIndex(), g.getStart(), g.getStop());
        } else if (r instanceof HistoryRequest.Search q) {
            found = history.search(q.getPattern(), q.getMaxReturnLength(), q.filterUnique());
        } else {
            found = List.of();
        }
        env.reply(new OkHistoryReply(found.stream().map(e -> List.<Object>of(History.SESSION, e.number(),
                r.includeOutput() ? List.of(e.input(), e.output()) : e.input())).toList()));
    }

    /**
     * A history reply with {@code status} (JJava's lacks it) whose entries are the protocol's arrays
     * {@code [session, number, input]}: JJava's reply is written field by field, as objects.
     */
    static final class OkHistoryReply implements ContentType<OkHistoryReply>, ReplyType<HistoryRequest> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static final MessageType<OkHistoryReply> TYPE = (MessageType) HistoryReply.MESSAGE_TYPE;
        @SuppressWarnings("unused") // read by Gson
        private final String status = "ok";
        @SuppressWarnings("unused")
        private final List<List<Object>> history;

        OkHistoryReply(List<List<Object>> history) {
            this.history = history;
        }

        @Override
        public MessageType<OkHistoryReply> getType() {
            return TYPE;
        }

        @Override
        public MessageType<HistoryRequest> getRequestType() {
            return HistoryRequest.MESSAGE_TYPE;
        }
    }

    @Override
    public String isComplete(String code) {
        return switch (ev().isComplete(code)) {
            case "complete" -> IS_COMPLETE_YES;
            case "invalid" -> IS_COMPLETE_BAD;
            default -> "";
        };
    }

    @Override
    public void interrupt() {
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().interrupt();
        }
    }

    /** The notebook server is gone ({@link ParentWatch}): the student JVM is killed now, even mid-cell. */
    void parentGone() {
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().kill();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        timer.shutdownNow();
        comms().close();
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().close();
        }
    }
}
