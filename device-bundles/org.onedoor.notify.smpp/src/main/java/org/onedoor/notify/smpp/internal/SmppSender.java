package org.onedoor.notify.smpp.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.onedoor.api.notify.DeliveryReport;
import org.onedoor.api.notify.NotificationException;
import org.onedoor.api.notify.NotificationMessage;
import org.onedoor.api.notify.NotificationSender;
import org.onedoor.api.notify.SendReceipt;
import org.onedoor.api.notify.SenderContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMPP session to one SMS centre, bound at the first message and bound again after it broke.
 * An answer the centre may change its mind about (throttled, queue full, system error, a timeout,
 * a broken connection) is a retry; a refused number or address is a rejection. Delivery receipts
 * ({@code deliver_sm} with the SMSC receipt flag) are passed to the node.
 */
final class SmppSender implements NotificationSender {

    private static final Logger LOG = LoggerFactory.getLogger(SmppSender.class);
    private static final AtomicInteger REFERENCES = new AtomicInteger((int) (System.nanoTime() & 0xff));

    private final SenderContext context;
    private final SmppSettings settings;
    private final BindType bindType;
    private SMPPSession session;

    SmppSender(SenderContext context, SmppSettings settings, BindType bindType) {
        this.context = context;
        this.settings = settings;
        this.bindType = bindType;
    }

    @Override
    public synchronized SendReceipt send(NotificationMessage message) throws NotificationException {
        SmsParts.Encoded encoded;
        try {
            encoded = SmsParts.encode(message.text(), REFERENCES.incrementAndGet());
        } catch (IllegalArgumentException e) {
            throw NotificationException.rejected(e.getMessage());
        }
        SMPPSession s = bound();
        String first = null;
        try {
            for (int i = 0; i < encoded.parts().size(); i++) {
                boolean receipt = settings.deliveryReceipts() && i == 0;
                SubmitSmResult r = s.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, settings.sourceAddress(),
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, message.phone(),
                        new ESMClass(encoded.concatenated() ? 0x40 : 0x00), (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(receipt ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT), (byte) 0,
                        DataCodings.newInstance(encoded.dataCoding()), (byte) 0, encoded.parts().get(i));
                if (first == null) {
                    first = r.getMessageId();
                }
            }
            return new SendReceipt(first, encoded.parts().size());
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            String why = "SMS centre answered status 0x" + Integer.toHexString(status);
            if (status == SMPPConstant.STAT_ESME_RINVDSTADR || status == SMPPConstant.STAT_ESME_RINVSRCADR
                    || status == SMPPConstant.STAT_ESME_RINVDSTTON || status == SMPPConstant.STAT_ESME_RINVDSTNPI
                    || status == SMPPConstant.STAT_ESME_RINVMSGLEN || status == SMPPConstant.STAT_ESME_RINVDCS) {
                throw NotificationException.rejected(why);
            }
            throw new NotificationException(why, e);
        } catch (ResponseTimeoutException | InvalidResponseException | PDUException | IOException e) {
            close();
            throw new NotificationException("SMS centre " + settings.host() + ":" + settings.port() + ": " + e, e);
        }
    }

    private SMPPSession bound() throws NotificationException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        close();
        SMPPSession s = new SMPPSession();
        s.setTransactionTimer(settings.responseTimeoutMillis());
        s.setEnquireLinkTimer(settings.enquireLinkSeconds() * 1000);
        s.setMessageReceiverListener(new Receipts());
        try {
            s.connectAndBind(settings.host(), settings.port(), new BindParameter(bindType, settings.systemId(), settings.password(),
                    settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), settings.connectTimeoutMillis());
        } catch (IOException e) {
            s.close();
            throw new NotificationException("cannot bind to SMS centre " + settings.host() + ":" + settings.port() + " as "
                    + settings.systemId() + ": " + e.getMessage(), e);
        }
        LOG.info("Sender {} bound to SMS centre {}:{} as {} ({})", context.config().id(), settings.host(), settings.port(),
                settings.systemId(), bindType);
        session = s;
        return s;
    }

    private void close() {
        if (session != null) {
            SMPPSession s = session;
            session = null;
            if (s.getSessionState() != SessionState.CLOSED) {
                s.unbindAndClose();
            }
        }
    }

    @Override
    public synchronized void dispose() {
        close();
    }

    /** Delivery receipts from the centre; other incoming messages are ignored. */
    private final class Receipts implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                return;
            }
            try {
                DeliveryReceipt r = deliverSm.getShortMessageAsDeliveryReceipt();
                context.delivered(new DeliveryReport(r.getId(), r.getFinalStatus() == DeliveryReceiptState.DELIVRD, r.getFinalStatus().name()));
            } catch (InvalidDeliveryReceiptException e) {
                LOG.warn("Sender {}: unreadable delivery receipt: {}", context.config().id(), e.getMessage());
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not accepted", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
