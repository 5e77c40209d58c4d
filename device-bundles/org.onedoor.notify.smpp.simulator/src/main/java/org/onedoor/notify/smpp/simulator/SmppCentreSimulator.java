package org.onedoor.notify.smpp.simulator;

import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated SMS centre: listens on a TCP port, binds sessions whose system id and password match,
 * and records every short message submitted, decoded from the PDU's bytes (see
 * {@link ShortMessageDecoder}); concatenated parts are recorded as one message once all have come.
 * Delivery receipts ({@code deliver_sm}, {@code stat:DELIVRD}) go back to transceiver sessions
 * that asked for them in {@code registered_delivery}.
 */
public final class SmppCentreSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmppCentreSimulator.class);

    private final String systemId;
    private final String password;
    private final SMPPServerSessionListener listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smpp-simulator");
        t.setDaemon(true);
        return t;
    });
    private final List<ReceivedSms> received = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, List<ShortMessageDecoder.Part>> pending = new HashMap<>();
    private final Map<String, List<byte[]>> pendingRaw = new HashMap<>();
    private final Map<String, String> pendingIds = new HashMap<>();
    private final AtomicLong ids = new AtomicLong(0x1000);
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    private volatile int refuseStatus = SMPPConstant.STAT_ESME_RSYSERR;
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile boolean closed;

    /**
     * Starts listening.
     *
     * @param port     the TCP port, 0 for any free one
     * @param systemId the system id a client must bind with
     * @param password its password
     */
    public SmppCentreSimulator(int port, String systemId, String password) throws IOException {
        this.systemId = systemId;
        this.password = password;
        this.listener = new SMPPServerSessionListener(port == 0 ? freePort() : port);
        listener.setMessageReceiverListener(new Receiver());
        threads.execute(this::acceptLoop);
    }

    /** jSMPP's listener does not tell the port it got for 0; a free one is taken beforehand. */
    private static int freePort() throws IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** @return the port it listens on */
    public int port() {
        return listener.getPort();
    }

    /** @return every message recorded so far, in the order they were completed */
    public List<ReceivedSms> received() {
        return List.copyOf(received);
    }

    /** @return how many {@code submit_sm} PDUs arrived, refused ones included */
    public int submits() {
        return submits.get();
    }

    /** @return how many binds were accepted */
    public int binds() {
        return binds.get();
    }

    /** The next {@code n} submits are answered with the error status (e.g. {@code 0x58} throttled, {@code 0x0b} bad destination). */
    public void refuseNext(int n, int commandStatus) {
        refuseStatus = commandStatus;
        refuseNext.set(n);
    }

    /** Each submit is answered only after this delay (to make the client's response timer run out). */
    public void answerAfter(Duration delay) {
        answerDelay = delay;
    }

    /** Waits until at least {@code count} messages were recorded. @return the messages */
    public List<ReceivedSms> awaitReceived(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the centre received " + received.size() + " of " + count + " messages in " + timeout);
            }
            Thread.sleep(20);
        }
        return received();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                threads.execute(() -> bind(session));
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("SMPP simulator: accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            if (request.getBindType() == BindType.BIND_RX) {
                request.reject(SMPPConstant.STAT_ESME_RINVBNDSTS);
            } else if (!systemId.equals(request.getSystemId())) {
                request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
            } else if (!password.equals(request.getPassword())) {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            } else {
                request.accept(systemId);
                sessions.add(session);
                binds.incrementAndGet();
            }
        } catch (TimeoutException | IOException | PDUStringException | IllegalStateException e) {
            LOG.info("SMPP simulator: no bind: {}", e.getMessage());
            session.close();
        }
    }

    private SubmitSmResult submitted(SubmitSm sm, SMPPServerSession session) throws ProcessRequestException {
        submits.incrementAndGet();
        pause();
        if (refuseNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new ProcessRequestException("refused by the simulator", refuseStatus);
        }
        ShortMessageDecoder.Part part;
        try {
            part = ShortMessageDecoder.decode(sm.getEsmClass(), sm.getDataCoding(), sm.getShortMessage());
        } catch (IllegalArgumentException e) {
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RINVMSGLEN);
        }
        String id = Long.toHexString(ids.incrementAndGet());
        String bound = session.getSessionId();
        synchronized (pending) {
            if (part.concat().isEmpty() || part.concat().get().total() <= 1) {
                received.add(new ReceivedSms(systemId, sm.getSourceAddr(), sm.getDestAddress(), sm.getDataCoding() & 0xff, part.text(), id,
                        List.of(sm.getShortMessage())));
            } else {
                ShortMessageDecoder.Concat c = part.concat().get();
                String key = sm.getSourceAddr() + "|" + sm.getDestAddress() + "|" + c.reference() + "|" + bound;
                List<ShortMessageDecoder.Part> parts = pending.computeIfAbsent(key, k -> new ArrayList<>(partsOf(c.total())));
                List<byte[]> raw = pendingRaw.computeIfAbsent(key, k -> new ArrayList<>(partsOf(c.total())));
                if (c.sequence() < 1 || c.sequence() > c.total()) {
                    throw new ProcessRequestException("part " + c.sequence() + " of " + c.total(), SMPPConstant.STAT_ESME_RINVMSGLEN);
                }
                parts.set(c.sequence() - 1, part);
                raw.set(c.sequence() - 1, sm.getShortMessage());
                if (c.sequence() == 1) {
                    pendingIds.put(key, id);
                }
                if (parts.stream().allMatch(p -> p != null)) {
                    StringBuilder text = new StringBuilder();
                    parts.forEach(p -> text.append(p.text()));
                    received.add(new ReceivedSms(systemId, sm.getSourceAddr(), sm.getDestAddress(), sm.getDataCoding() & 0xff,
                            text.toString(), pendingIds.getOrDefault(key, id), List.copyOf(raw)));
                    pending.remove(key);
                    pendingRaw.remove(key);
                    pendingIds.remove(key);
                }
            }
        }
        if ((sm.getRegisteredDelivery() & 0x01) != 0) {
            threads.execute(() -> receipt(session, sm, id));
        }
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    private static <T> List<T> partsOf(int n) {
        List<T> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(null);
        }
        return l;
    }

    /** Sends the delivery receipt after the submit's answer went out. */
    private void receipt(SMPPServerSession session, SubmitSm sm, String id) {
        try {
            Thread.sleep(50);
            Date now = new Date();
            String text = new DeliveryReceipt(id, 1, 1, now, now, DeliveryReceiptState.DELIVRD, "000", "").toString();
            session.deliverShortMessage("", TypeOfNumber.valueOf(sm.getDestAddrTon()), NumberingPlanIndicator.valueOf(sm.getDestAddrNpi()),
                    sm.getDestAddress(), TypeOfNumber.valueOf(sm.getSourceAddrTon()), NumberingPlanIndicator.valueOf(sm.getSourceAddrNpi()),
                    sm.getSourceAddr(), new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (Exception e) {
            // a transmitter-only session cannot take deliver_sm; the receipt is simply not sent
            LOG.debug("SMPP simulator: no receipt for {}: {}", id, e.toString());
        }
    }

    private void pause() {
        Duration d = answerDelay;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("SMPP simulator: close: {}", e.getMessage());
        }
        sessions.forEach(s -> s.unbindAndClose());
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a simulator from the command line: {@code java -jar ... [port] [systemId] [password]}. */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 2775;
        try (SmppCentreSimulator sim = new SmppCentreSimulator(port, args.length > 1 ? args[1] : "onedoor", args.length > 2 ? args[2] : "secret")) {
            System.out.println("SMPP centre simulator on port " + sim.port());
            int seen = 0;
            while (true) {
                List<ReceivedSms> now = sim.received();
                for (; seen < now.size(); seen++) {
                    ReceivedSms m = now.get(seen);
                    System.out.println(m.messageId() + " -> " + m.destination() + ": " + m.text());
                }
                Thread.sleep(200);
            }
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            return submitted(submitSm, source);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("submit_multi is not simulated", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("query_sm is not simulated", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("replace_sm is not simulated", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_sm is not simulated", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("broadcast_sm is not simulated", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("cancel_broadcast_sm is not simulated", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("query_broadcast_sm is not simulated", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not simulated", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
