<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AcknowledgementDialog</name>
    <message>
        <source>Acknowledge receipt</source>
        <translation>Acknowledge receipt</translation>
    </message>
    <message>
        <source>This message is sent to the customer on the case&apos;s channel (%1).</source>
        <translation>This message is sent to the customer on the case&apos;s channel (%1).</translation>
    </message>
    <message>
        <source>Acknowledgement of receipt</source>
        <translation>Acknowledgement of receipt</translation>
    </message>
    <message>
        <source>Send the acknowledgement (%1)</source>
        <translation>Send the acknowledgement (%1)</translation>
    </message>
    <message>
        <source>Fill in the highlighted values first.</source>
        <translation>Fill in the highlighted values first.</translation>
    </message>
    <message>
        <source>Write something first: an empty message is not sent.</source>
        <translation>Write something first: an empty message is not sent.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Close the message</source>
        <translation>Close the message</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>Internal note…</source>
        <extracomment>(message) after an action was saved locally; the window shows it in the status bar. (message) when an action could not be saved. (case) a case was resolved here: the window offers a follow-up call.</extracomment>
        <translation>Internal note…</translation>
    </message>
    <message>
        <source>Acknowledge receipt</source>
        <translation>Acknowledge receipt</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Assign to me</translation>
    </message>
    <message>
        <source>Customer satisfaction…</source>
        <translation>Customer satisfaction…</translation>
    </message>
    <message>
        <source>Schedule a follow-up…</source>
        <translation>Schedule a follow-up…</translation>
    </message>
    <message>
        <source>This case is no longer in the local cache (it may have been removed). Nothing was saved.</source>
        <extracomment>The improvement loop&apos;s actions (a separate group in the Case menu).</extracomment>
        <translation>This case is no longer in the local cache (it may have been removed). Nothing was saved.</translation>
    </message>
    <message>
        <source>This action is not allowed on the case as it is now. Nothing was saved.</source>
        <translation>This action is not allowed on the case as it is now. Nothing was saved.</translation>
    </message>
    <message>
        <source>The local cache refused the action. Nothing was saved.</source>
        <translation>The local cache refused the action. Nothing was saved.</translation>
    </message>
    <message>
        <source>The action could not be saved. Nothing was lost: try again.</source>
        <translation>The action could not be saved. Nothing was lost: try again.</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <source>Only your colleagues see internal notes; the customer never does.</source>
        <translation>Only your colleagues see internal notes; the customer never does.</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>Note saved.</translation>
    </message>
    <message>
        <source>Hello, we have received your message and thank you for it. An advisor is looking at it and will come back to you shortly.</source>
        <translation>Hello, we have received your message and thank you for it. An advisor is looking at it and will come back to you shortly.</translation>
    </message>
    <message>
        <source>This message is sent to the customer on the case&apos;s channel (%1).</source>
        <translation>This message is sent to the customer on the case&apos;s channel (%1).</translation>
    </message>
    <message>
        <source>Receipt acknowledged: the first-response clock has stopped.</source>
        <translation>Receipt acknowledged: the first-response clock has stopped.</translation>
    </message>
    <message>
        <source>Status changed to “%1”.</source>
        <translation>Status changed to “%1”.</translation>
    </message>
    <message>
        <source>Customer satisfaction recorded: %1/5.</source>
        <translation>Customer satisfaction recorded: %1/5.</translation>
    </message>
    <message>
        <source>Follow-up call scheduled for %1.</source>
        <translation>Follow-up call scheduled for %1.</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>someone else</translation>
    </message>
    <message>
        <source>The case changed meanwhile</source>
        <translation>The case changed meanwhile</translation>
    </message>
    <message>
        <source>%1 changed this case %2: it is now “%3”.</source>
        <translation>%1 changed this case %2: it is now “%3”.</translation>
    </message>
    <message>
        <source>Apply “%1” to the fresh copy of the case?</source>
        <translation>Apply “%1” to the fresh copy of the case?</translation>
    </message>
    <message>
        <source>Retry on the fresh copy</source>
        <translation>Retry on the fresh copy</translation>
    </message>
    <message>
        <source>“%1” no longer applies to the case as it is now.</source>
        <translation>“%1” no longer applies to the case as it is now.</translation>
    </message>
    <message>
        <source>The case is now yours.</source>
        <translation>The case is now yours.</translation>
    </message>
    <message>
        <source>The case changed meanwhile; it was refreshed, try again.</source>
        <translation>The case changed meanwhile; it was refreshed, try again.</translation>
    </message>
</context>
<context>
    <name>Compensation</name>
    <message>
        <source>Refused by the centre: %1 for %2.</source>
        <extracomment>How many dismissed notices are remembered (older ones are long answered and never come back).</extracomment>
        <translation>Refused by the centre: %1 for %2.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Voucher %1 is not valid.</source>
        <translation>Voucher %1 is not valid.</translation>
    </message>
    <message>
        <source>Your team lead approved %1 for %2.</source>
        <translation>Your team lead approved %1 for %2.</translation>
    </message>
    <message>
        <source>Your team lead declined %1 for %2.</source>
        <translation>Your team lead declined %1 for %2.</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Comment: %1</translation>
    </message>
    <message>
        <source>Late delivery</source>
        <translation>Late delivery</translation>
    </message>
    <message>
        <source>Damaged or defective item</source>
        <translation>Damaged or defective item</translation>
    </message>
    <message>
        <source>Wrong item delivered</source>
        <translation>Wrong item delivered</translation>
    </message>
    <message>
        <source>Billing error</source>
        <translation>Billing error</translation>
    </message>
    <message>
        <source>Service failure</source>
        <translation>Service failure</translation>
    </message>
    <message>
        <source>Customer loyalty</source>
        <translation>Customer loyalty</translation>
    </message>
    <message>
        <source>Commercial gesture</source>
        <translation>Commercial gesture</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>Type an amount, for example %1.</source>
        <extracomment>The reason a case&apos;s category suggests (the advisor can change it).</extracomment>
        <translation>Type an amount, for example %1.</translation>
    </message>
    <message>
        <source>This is not an amount: type digits, for example %1.</source>
        <translation>This is not an amount: type digits, for example %1.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>The amount cannot be negative.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>The amount must be more than zero.</translation>
    </message>
    <message>
        <source>At most two decimals (cents), for example %1.</source>
        <translation>At most two decimals (cents), for example %1.</translation>
    </message>
    <message>
        <source>This amount is far too large (more than %1): check what you typed.</source>
        <translation>This amount is far too large (more than %1): check what you typed.</translation>
    </message>
    <message>
        <source>Your role cannot grant this gesture (%1) on its own.</source>
        <translation>Your role cannot grant this gesture (%1) on its own.</translation>
    </message>
    <message>
        <source>The amount must be in %1.</source>
        <translation>The amount must be in %1.</translation>
    </message>
    <message>
        <source>Over the limit per decision for %1: at most %2, this is %3 over.</source>
        <translation>Over the limit per decision for %1: at most %2, this is %3 over.</translation>
    </message>
    <message>
        <source>Over your budget for today: %1 left of %2, this is %3 over.</source>
        <translation>Over your budget for today: %1 left of %2, this is %3 over.</translation>
    </message>
    <message>
        <source>Over the limit for this customer over 30 days: %1 left of %2, this is %3 over.</source>
        <translation>Over the limit for this customer over 30 days: %1 left of %2, this is %3 over.</translation>
    </message>
    <message>
        <source>There is no shipping paid to refund: the order had free shipping, or it is not known here.</source>
        <translation>There is no shipping paid to refund: the order had free shipping, or it is not known here.</translation>
    </message>
    <message>
        <source>More than what is left of the shipping paid: %1 left of %2 paid, this is %3 over.</source>
        <translation>More than what is left of the shipping paid: %1 left of %2 paid, this is %3 over.</translation>
    </message>
    <message>
        <source>More than the shipping the customer paid: %1 paid, this is %2 over.</source>
        <translation>More than the shipping the customer paid: %1 paid, this is %2 over.</translation>
    </message>
    <message>
        <source>More than what is left to refund on this line: %1 left of %2 paid, this is %3 over.</source>
        <translation>More than what is left to refund on this line: %1 left of %2 paid, this is %3 over.</translation>
    </message>
    <message>
        <source>Beyond my authority by %1</source>
        <translation>Beyond my authority by %1</translation>
    </message>
    <message>
        <source>Beyond my authority</source>
        <translation>Beyond my authority</translation>
    </message>
    <message>
        <source>pending confirmation by the centre</source>
        <translation>pending confirmation by the centre</translation>
    </message>
    <message>
        <source>confirmed by the centre</source>
        <translation>confirmed by the centre</translation>
    </message>
    <message>
        <source>refused by the centre</source>
        <translation>refused by the centre</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>waiting for the team lead</source>
        <translation>waiting for the team lead</translation>
    </message>
    <message>
        <source>approved by the team lead</source>
        <translation>approved by the team lead</translation>
    </message>
    <message>
        <source>declined by the team lead</source>
        <translation>declined by the team lead</translation>
    </message>
    <message>
        <source>a refund of %1</source>
        <translation>a refund of %1</translation>
    </message>
    <message>
        <source>a refund of your shipping costs (%1)</source>
        <translation>a refund of your shipping costs (%1)</translation>
    </message>
    <message>
        <source>a voucher of %1</source>
        <translation>a voucher of %1</translation>
    </message>
    <message>
        <source>free shipping on your next order (worth %1)</source>
        <translation>free shipping on your next order (worth %1)</translation>
    </message>
    <message>
        <source>an express replacement (worth %1)</source>
        <translation>an express replacement (worth %1)</translation>
    </message>
    <message>
        <source>an exchange (worth %1)</source>
        <translation>an exchange (worth %1)</translation>
    </message>
    <message>
        <source>loyalty points worth %1</source>
        <translation>loyalty points worth %1</translation>
    </message>
    <message>
        <source>a small gift (worth %1)</source>
        <translation>a small gift (worth %1)</translation>
    </message>
    <message>
        <source>, code %1</source>
        <translation>, code %1</translation>
    </message>
    <message>
        <source> (pending confirmation)</source>
        <translation> (pending confirmation)</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1 (suggested)</translation>
    </message>
    <message>
        <source>%1: up to %2 now</source>
        <translation>%1: up to %2 now</translation>
    </message>
    <message>
        <source>%1 · %2 — %3 left of %4 paid</source>
        <translation>%1 · %2 — %3 left of %4 paid</translation>
    </message>
    <message>
        <source>Already refunded: %1</source>
        <translation>Already refunded: %1</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>Approval request: %1 %2 — %3</source>
        <translation>Approval request: %1 %2 — %3</translation>
    </message>
</context>
<context>
    <name>CompensationPanel</name>
    <message>
        <source>Open a customer or a case to see what you can grant them (Ctrl+G).</source>
        <extracomment>The most a reason&apos;s short text holds: a sentence or two, the details go in a note. Preset buttons that fit on one line of the side panel. A gesture was granted (a :class:`Decision`, pending until the centre confirms it). The sentence the advisor asked to insert into the reply (&quot;a voucher of 15,00 €, code …&quot;). An approval request was sent to the team lead (an :class:`Escalation`).</extracomment>
        <translation>Open a customer or a case to see what you can grant them (Ctrl+G).</translation>
    </message>
    <message>
        <source>Offline: you can still grant within what remained at the last sync. The centre confirms each gesture when the connection is back.</source>
        <translation>Offline: you can still grant within what remained at the last sync. The centre confirms each gesture when the connection is back.</translation>
    </message>
    <message>
        <source>What I can grant now</source>
        <translation>What I can grant now</translation>
    </message>
    <message>
        <source>Your authority has not been received from the centre yet: connect once (F5) before granting gestures.</source>
        <translation>Your authority has not been received from the centre yet: connect once (F5) before granting gestures.</translation>
    </message>
    <message>
        <source>Gesture</source>
        <translation>Gesture</translation>
    </message>
    <message>
        <source>&amp;Gesture</source>
        <translation>&amp;Gesture</translation>
    </message>
    <message>
        <source>Order line to refund</source>
        <translation>Order line to refund</translation>
    </message>
    <message>
        <source>Order &amp;line</source>
        <translation>Order &amp;line</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Amount</translation>
    </message>
    <message>
        <source>Reason category</source>
        <translation>Reason category</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Choose a reason…</translation>
    </message>
    <message>
        <source>What happened, in a few words (required)</source>
        <translation>What happened, in a few words (required)</translation>
    </message>
    <message>
        <source>Reason, in a few words</source>
        <translation>Reason, in a few words</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Request approval from team lead</source>
        <translation>Request approval from team lead</translation>
    </message>
    <message>
        <source>Beyond your authority: ask your team lead; the answer comes back here through sync.</source>
        <translation>Beyond your authority: ask your team lead; the answer comes back here through sync.</translation>
    </message>
    <message>
        <source>Insert into the reply</source>
        <translation>Insert into the reply</translation>
    </message>
    <message>
        <source>Gestures and requests for this customer</source>
        <translation>Gestures and requests for this customer</translation>
    </message>
    <message>
        <source>This customer is not on this desk yet; it is being fetched.</source>
        <translation>This customer is not on this desk yet; it is being fetched.</translation>
    </message>
    <message>
        <source>What you can grant could not be read from the local cache. Try again (F5).</source>
        <translation>What you can grant could not be read from the local cache. Try again (F5).</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>This customer (30 days)</source>
        <translation>This customer (30 days)</translation>
    </message>
    <message>
        <source>This gesture, at most</source>
        <translation>This gesture, at most</translation>
    </message>
    <message>
        <source>%1 left of %2</source>
        <translation>%1 left of %2</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>From %1 to %2</translation>
    </message>
    <message>
        <source>Nothing left to grant now for this gesture.</source>
        <translation>Nothing left to grant now for this gesture.</translation>
    </message>
    <message>
        <source>Amount %1</source>
        <translation>Amount %1</translation>
    </message>
    <message>
        <source>Beyond what I can grant now</source>
        <translation>Beyond what I can grant now</translation>
    </message>
    <message>
        <source>Say yes</source>
        <translation>Say yes</translation>
    </message>
    <message>
        <source>Choose the order line to refund.</source>
        <translation>Choose the order line to refund.</translation>
    </message>
    <message>
        <source>Type an amount or pick one above.</source>
        <translation>Type an amount or pick one above.</translation>
    </message>
    <message>
        <source>Give a reason first: a category and a few words.</source>
        <translation>Give a reason first: a category and a few words.</translation>
    </message>
    <message>
        <source>Give a reason: a category and a few words.</source>
        <translation>Give a reason: a category and a few words.</translation>
    </message>
    <message>
        <source>Say yes: %1 (Enter)</source>
        <translation>Say yes: %1 (Enter)</translation>
    </message>
    <message>
        <source>Grant this gesture now (Enter or Ctrl+Enter)</source>
        <translation>Grant this gesture now (Enter or Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Saying yes…</source>
        <translation>Saying yes…</translation>
    </message>
    <message>
        <source>Granted: %1.</source>
        <translation>Granted: %1.</translation>
    </message>
    <message>
        <source>Pending confirmation by the centre.</source>
        <translation>Pending confirmation by the centre.</translation>
    </message>
    <message>
        <source>Confirmed by the centre.</source>
        <translation>Confirmed by the centre.</translation>
    </message>
    <message>
        <source>Refused by the centre: %1. Do not promise it to the customer.</source>
        <translation>Refused by the centre: %1. Do not promise it to the customer.</translation>
    </message>
    <message>
        <source>Your authority has not been received from the centre yet: connect once (F5).</source>
        <translation>Your authority has not been received from the centre yet: connect once (F5).</translation>
    </message>
    <message>
        <source>The gesture was not saved: %1</source>
        <translation>The gesture was not saved: %1</translation>
    </message>
    <message>
        <source>The gesture was not saved because of an unexpected error. Nothing was granted.</source>
        <translation>The gesture was not saved because of an unexpected error. Nothing was granted.</translation>
    </message>
    <message>
        <source>Approval requested from your team lead for %1. Their answer will appear here.</source>
        <translation>Approval requested from your team lead for %1. Their answer will appear here.</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>unexpected error</translation>
    </message>
    <message>
        <source>The request was not sent: %1</source>
        <translation>The request was not sent: %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Solve</source>
        <translation>Solve</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Welcome what the customer went through: pick an empathy opening or write your own.</source>
        <translation>Welcome what the customer went through: pick an empathy opening or write your own.</translation>
    </message>
    <message>
        <source>Restate the situation and give the solution. A gesture granted in Say yes comes here.</source>
        <translation>Restate the situation and give the solution. A gesture granted in Say yes comes here.</translation>
    </message>
    <message>
        <source>Commit to a follow-up, then sign.</source>
        <translation>Commit to a follow-up, then sign.</translation>
    </message>
    <message>
        <source>greeting</source>
        <translation>greeting</translation>
    </message>
    <message>
        <source>customer&apos;s first name</source>
        <translation>customer&apos;s first name</translation>
    </message>
    <message>
        <source>customer&apos;s last name</source>
        <translation>customer&apos;s last name</translation>
    </message>
    <message>
        <source>customer&apos;s name</source>
        <translation>customer&apos;s name</translation>
    </message>
    <message>
        <source>case subject</source>
        <translation>case subject</translation>
    </message>
    <message>
        <source>case reference</source>
        <translation>case reference</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>order number</translation>
    </message>
    <message>
        <source>order date</source>
        <translation>order date</translation>
    </message>
    <message>
        <source>product name</source>
        <translation>product name</translation>
    </message>
    <message>
        <source>amount of the gesture (grant it in Say yes)</source>
        <translation>amount of the gesture (grant it in Say yes)</translation>
    </message>
    <message>
        <source>gesture (grant it in Say yes)</source>
        <translation>gesture (grant it in Say yes)</translation>
    </message>
    <message>
        <source>loyalty points</source>
        <translation>loyalty points</translation>
    </message>
    <message>
        <source>voucher code</source>
        <translation>voucher code</translation>
    </message>
    <message>
        <source>your first name</source>
        <translation>your first name</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>your name</translation>
    </message>
    <message>
        <source>follow-up date</source>
        <translation>follow-up date</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>your answer</translation>
    </message>
    <message>
        <source>Values filled in</source>
        <translation>Values filled in</translation>
    </message>
    <message>
        <source>No request for a score</source>
        <translation>No request for a score</translation>
    </message>
    <message>
        <source>Length for X</source>
        <translation>Length for X</translation>
    </message>
    <message>
        <source>SMS length</source>
        <translation>SMS length</translation>
    </message>
    <message>
        <source>Detailed enough</source>
        <translation>Detailed enough</translation>
    </message>
    <message>
        <source>Empathy</source>
        <translation>Empathy</translation>
    </message>
    <message>
        <source>Empathy first</source>
        <translation>Empathy first</translation>
    </message>
    <message>
        <source>Customer&apos;s name</source>
        <translation>Customer&apos;s name</translation>
    </message>
    <message>
        <source>Specifics of the case</source>
        <translation>Specifics of the case</translation>
    </message>
    <message>
        <source>Acknowledgement of receipt</source>
        <translation>Acknowledgement of receipt</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Blocks sending</source>
        <translation>Blocks sending</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>To confirm</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Every value is filled in.</source>
        <translation>Every value is filled in.</translation>
    </message>
    <message>
        <source>Fill in the highlighted values before sending: %1.</source>
        <translation>Fill in the highlighted values before sending: %1.</translation>
    </message>
    <message>
        <source>The reply does not ask for a given score.</source>
        <translation>The reply does not ask for a given score.</translation>
    </message>
    <message>
        <source>Never ask the customer for a given score or a good rating (%1): it corrupts satisfaction measures.</source>
        <translation>Never ask the customer for a given score or a good rating (%1): it corrupts satisfaction measures.</translation>
    </message>
    <message>
        <source>%1 of %2 characters.</source>
        <translation>%1 of %2 characters.</translation>
    </message>
    <message>
        <source>Too long for X: %1 characters, %2 at most. Shorten it or answer by direct message.</source>
        <translation>Too long for X: %1 characters, %2 at most. Shorten it or answer by direct message.</translation>
    </message>
    <message>
        <source>%1 SMS segment(s), %2 at most.</source>
        <translation>%1 SMS segment(s), %2 at most.</translation>
    </message>
    <message>
        <source>Too long for an SMS: %1 segments, %2 at most. Shorten it, or call or e-mail.</source>
        <translation>Too long for an SMS: %1 segments, %2 at most. Shorten it, or call or e-mail.</translation>
    </message>
    <message>
        <source>%1 words.</source>
        <translation>%1 words.</translation>
    </message>
    <message>
        <source>Rather terse for a written answer: %1 words, at least %2 expected. Say more, or confirm.</source>
        <translation>Rather terse for a written answer: %1 words, at least %2 expected. Say more, or confirm.</translation>
    </message>
    <message>
        <source>The reply welcomes what the customer went through.</source>
        <translation>The reply welcomes what the customer went through.</translation>
    </message>
    <message>
        <source>No empathy part: start by welcoming what the customer went through (step Acknowledge).</source>
        <translation>No empathy part: start by welcoming what the customer went through (step Acknowledge).</translation>
    </message>
    <message>
        <source>Empathy comes before the solution.</source>
        <translation>Empathy comes before the solution.</translation>
    </message>
    <message>
        <source>The empathy does not come first: express it (sorry, I understand…) before the solution.</source>
        <translation>The empathy does not come first: express it (sorry, I understand…) before the solution.</translation>
    </message>
    <message>
        <source>The customer is addressed by name.</source>
        <translation>The customer is addressed by name.</translation>
    </message>
    <message>
        <source>The customer&apos;s name does not appear (%1).</source>
        <translation>The customer&apos;s name does not appear (%1).</translation>
    </message>
    <message>
        <source>Nothing specific to mention on this case.</source>
        <translation>Nothing specific to mention on this case.</translation>
    </message>
    <message>
        <source>Mentions %1.</source>
        <translation>Mentions %1.</translation>
    </message>
    <message>
        <source>Nothing specific to the case is mentioned, for example %1.</source>
        <translation>Nothing specific to the case is mentioned, for example %1.</translation>
    </message>
    <message>
        <source>Receipt was acknowledged.</source>
        <translation>Receipt was acknowledged.</translation>
    </message>
    <message>
        <source>New complaint: acknowledge receipt now (Ctrl+Shift+A) if the full answer takes time.</source>
        <translation>New complaint: acknowledge receipt now (Ctrl+Shift+A) if the full answer takes time.</translation>
    </message>
    <message>
        <source>%1 / %2 characters (%3 too many)</source>
        <translation>%1 / %2 characters (%3 too many)</translation>
    </message>
    <message>
        <source>%1 / %2 characters (%3 left)</source>
        <translation>%1 / %2 characters (%3 left)</translation>
    </message>
    <message>
        <source>%1 segment(s) · %2 characters left in this one</source>
        <translation>%1 segment(s) · %2 characters left in this one</translation>
    </message>
    <message>
        <source>Unicode because of %1</source>
        <translation>Unicode because of %1</translation>
    </message>
    <message>
        <source>A value to fill in before sending</source>
        <extracomment>Pause in typing after which the draft is saved.</extracomment>
        <translation>A value to fill in before sending</translation>
    </message>
    <message>
        <source>Script options: Up/Down to move, Enter to use one</source>
        <translation>Script options: Up/Down to move, Enter to use one</translation>
    </message>
    <message>
        <source>Pick an option above or write here.</source>
        <translation>Pick an option above or write here.</translation>
    </message>
</context>
<context>
    <name>ComposerPanel</name>
    <message>
        <source>Open a case from the work queue or the timeline to prepare its reply.</source>
        <extracomment>The reply was written locally (the Interaction); the timeline shows it through the change bus. Say something in the status bar (a sentence in the user&apos;s language).</extracomment>
        <translation>Open a case from the work queue or the timeline to prepare its reply.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Language of the reply</source>
        <translation>Language of the reply</translation>
    </message>
    <message>
        <source>Language of the reply (the customer&apos;s by default)</source>
        <translation>Language of the reply (the customer&apos;s by default)</translation>
    </message>
    <message>
        <source>New complaint: acknowledge receipt while you prepare the answer.</source>
        <translation>New complaint: acknowledge receipt while you prepare the answer.</translation>
    </message>
    <message>
        <source>Acknowledge receipt</source>
        <translation>Acknowledge receipt</translation>
    </message>
    <message>
        <source>Acknowledge receipt with the script&apos;s text (%1)</source>
        <translation>Acknowledge receipt with the script&apos;s text (%1)</translation>
    </message>
    <message>
        <source>I have read it, back to my reply</source>
        <translation>I have read it, back to my reply</translation>
    </message>
    <message>
        <source>Send as it is</source>
        <translation>Send as it is</translation>
    </message>
    <message>
        <source>&amp;Follow-up on</source>
        <translation>&amp;Follow-up on</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>Si&amp;gnature</source>
        <translation>Si&amp;gnature</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Preview of the reply</source>
        <translation>Preview of the reply</translation>
    </message>
    <message>
        <source>Checks before sending</source>
        <translation>Checks before sending</translation>
    </message>
    <message>
        <source>Send anyway: I have reviewed the points “to confirm”</source>
        <translation>Send anyway: I have reviewed the points “to confirm”</translation>
    </message>
    <message>
        <source>&amp;Then:</source>
        <translation>&amp;Then:</translation>
    </message>
    <message>
        <source>Case status after sending</source>
        <translation>Case status after sending</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Send the reply (%1)</source>
        <translation>Send the reply (%1)</translation>
    </message>
    <message>
        <source>Choose a case of this customer in the timeline to prepare its reply.</source>
        <translation>Choose a case of this customer in the timeline to prepare its reply.</translation>
    </message>
    <message>
        <source>Preparing the reply…</source>
        <translation>Preparing the reply…</translation>
    </message>
    <message>
        <source>The case could not be read from the local cache. Try again in a moment.</source>
        <translation>The case could not be read from the local cache. Try again in a moment.</translation>
    </message>
    <message>
        <source>This case is not in the local cache.</source>
        <translation>This case is not in the local cache.</translation>
    </message>
    <message>
        <source>A saved draft of this case could not be read; starting afresh.</source>
        <translation>A saved draft of this case could not be read; starting afresh.</translation>
    </message>
    <message>
        <source>No reply script could be loaded for this case: reinstall Advisor Desk.</source>
        <translation>No reply script could be loaded for this case: reinstall Advisor Desk.</translation>
    </message>
    <message>
        <source>Script: %1</source>
        <translation>Script: %1</translation>
    </message>
    <message>
        <source>from the centre</source>
        <translation>from the centre</translation>
    </message>
    <message>
        <source>Your draft of this reply was restored.</source>
        <translation>Your draft of this reply was restored.</translation>
    </message>
    <message>
        <source>unchanged (%1)</source>
        <translation>unchanged (%1)</translation>
    </message>
    <message>
        <source>No script in this language for this case.</source>
        <translation>No script in this language for this case.</translation>
    </message>
    <message>
        <source>Gesture granted, in the reply: %1</source>
        <translation>Gesture granted, in the reply: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Write the reply first: pick an empathy opening to start (Alt+1).</source>
        <translation>Write the reply first: pick an empathy opening to start (Alt+1).</translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation>Cannot send: %1</translation>
    </message>
    <message>
        <source>Confirm the points “to confirm” (tick “Send anyway”) or fix them.</source>
        <translation>Confirm the points “to confirm” (tick “Send anyway”) or fix them.</translation>
    </message>
    <message>
        <source>Your draft could not be saved locally; it stays here, keep this panel open.</source>
        <translation>Your draft could not be saved locally; it stays here, keep this panel open.</translation>
    </message>
    <message>
        <source>The customer wrote again since you started this reply.</source>
        <translation>The customer wrote again since you started this reply.</translation>
    </message>
    <message>
        <source>The customer wrote %1 more messages since you started this reply.</source>
        <translation>The customer wrote %1 more messages since you started this reply.</translation>
    </message>
    <message>
        <source>A colleague</source>
        <translation>A colleague</translation>
    </message>
    <message>
        <source>%1 answered since you started this reply.</source>
        <translation>%1 answered since you started this reply.</translation>
    </message>
    <message>
        <source>Read the timeline before sending.</source>
        <translation>Read the timeline before sending.</translation>
    </message>
    <message>
        <source>Reply sent: it is on the timeline and goes to the centre with the next sync.</source>
        <translation>Reply sent: it is on the timeline and goes to the centre with the next sync.</translation>
    </message>
    <message>
        <source>Reply sent. Preparing a new reply…</source>
        <translation>Reply sent. Preparing a new reply…</translation>
    </message>
    <message>
        <source>This case is no longer in the local cache. Nothing was sent; your draft is kept.</source>
        <translation>This case is no longer in the local cache. Nothing was sent; your draft is kept.</translation>
    </message>
    <message>
        <source>The case cannot take this status now. Nothing was sent: choose another and send again.</source>
        <translation>The case cannot take this status now. Nothing was sent: choose another and send again.</translation>
    </message>
    <message>
        <source>The local cache refused the reply. Nothing was sent; your draft is kept.</source>
        <translation>The local cache refused the reply. Nothing was sent; your draft is kept.</translation>
    </message>
    <message>
        <source>The reply could not be saved. Nothing was sent; your draft is kept, try again.</source>
        <translation>The reply could not be saved. Nothing was sent; your draft is kept, try again.</translation>
    </message>
    <message>
        <source>There is no receipt to acknowledge on this case.</source>
        <translation>There is no receipt to acknowledge on this case.</translation>
    </message>
    <message>
        <source>Receipt acknowledged: the first-response clock has stopped.</source>
        <translation>Receipt acknowledged: the first-response clock has stopped.</translation>
    </message>
    <message>
        <source>The acknowledgement could not be saved. Nothing was sent.</source>
        <translation>The acknowledgement could not be saved. Nothing was sent.</translation>
    </message>
</context>
<context>
    <name>Customer360Panel</name>
    <message>
        <source>No customer open. Pick a case in the work queue or search a customer (Ctrl+K).</source>
        <translation>No customer open. Pick a case in the work queue or search a customer (Ctrl+K).</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>The customer file could not be read from the local cache.</source>
        <translation>The customer file could not be read from the local cache.</translation>
    </message>
    <message>
        <source>This customer is not in the local cache yet.</source>
        <translation>This customer is not in the local cache yet.</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Social</translation>
    </message>
    <message>
        <source>Loyalty card</source>
        <translation>Loyalty card</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Preferred channel</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Open cases (%1)</source>
        <translation>Open cases (%1)</translation>
    </message>
    <message>
        <source>No open case.</source>
        <translation>No open case.</translation>
    </message>
    <message>
        <source>Recent orders</source>
        <translation>Recent orders</translation>
    </message>
    <message>
        <source>No order.</source>
        <translation>No order.</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>No rating yet.</source>
        <translation>No rating yet.</translation>
    </message>
    <message>
        <source>Last scores: %1</source>
        <translation>Last scores: %1</translation>
    </message>
    <message>
        <source>Goodwill gestures, last 12 months</source>
        <translation>Goodwill gestures, last 12 months</translation>
    </message>
    <message>
        <source>No gesture in the last 12 months.</source>
        <translation>No gesture in the last 12 months.</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>No internal note.</source>
        <translation>No internal note.</translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message>
        <source>Customer name</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <source>Customer facts</source>
        <translation>Customer facts</translation>
    </message>
    <message>
        <source>Customer flags</source>
        <translation>Customer flags</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>No customer open</source>
        <translation>No customer open</translation>
    </message>
    <message>
        <source>Press Ctrl+K to search, or pick a case in the work queue.</source>
        <translation>Press Ctrl+K to search, or pick a case in the work queue.</translation>
    </message>
    <message>
        <source>Tier: %1</source>
        <translation>Tier: %1</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Language: %1</translation>
    </message>
    <message>
        <source>Prefers: %1</source>
        <translation>Prefers: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n open case(s)</source>
        <translation>
            <numerusform>%n open case</numerusform>
            <numerusform>%n open cases</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Unhappy last time (%1/5)</source>
        <translation>⚠ Unhappy last time (%1/5)</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n complaint(s) in 90 days</source>
        <translation>
            <numerusform>⚠ %n complaint in 90 days</numerusform>
            <numerusform>⚠ %n complaints in 90 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gesture(s) this year</source>
        <translation>
            <numerusform>%n gesture this year</numerusform>
            <numerusform>%n gestures this year</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionTableModel</name>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Gesture</source>
        <translation>Gesture</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>No flag</source>
        <translation>No flag</translation>
    </message>
    <message>
        <source>Reviewed by %1 on %2</source>
        <translation>Reviewed by %1 on %2</translation>
    </message>
    <message>
        <source>%1 (made offline)</source>
        <translation>%1 (made offline)</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Advisor Desk</source>
        <extracomment>The desktop entry&apos;s name (packaging/linux/fr.advisordesk.AdvisorDesk.desktop): Wayland and the task bars match the window to it for the icon and the name.</extracomment>
        <translation>Advisor Desk</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Creating the demo database…</source>
        <translation>Creating the demo database…</translation>
    </message>
    <message>
        <source>Filling it with demo customers, cases and orders…</source>
        <translation>Filling it with demo customers, cases and orders…</translation>
    </message>
    <message>
        <source>Starting the demo server…</source>
        <translation>Starting the demo server…</translation>
    </message>
    <message>
        <source>Opening the local cache…</source>
        <extracomment>The message shown when the start failed (tests look at it instead of waiting).</extracomment>
        <translation>Opening the local cache…</translation>
    </message>
    <message>
        <source>Logging in as the demo user…</source>
        <translation>Logging in as the demo user…</translation>
    </message>
    <message>
        <source>Loading your team&apos;s customers and cases…</source>
        <translation>Loading your team&apos;s customers and cases…</translation>
    </message>
    <message>
        <source>Log in once so the desk knows who you are.</source>
        <translation>Log in once so the desk knows who you are.</translation>
    </message>
    <message>
        <source>The local cache was damaged</source>
        <translation>The local cache was damaged</translation>
    </message>
    <message>
        <source>The damaged file was set aside (not deleted) and a fresh cache is being filled from the central system. Unsent actions recovered: %1.</source>
        <translation>The damaged file was set aside (not deleted) and a fresh cache is being filled from the central system. Unsent actions recovered: %1.</translation>
    </message>
    <message>
        <source>Your session ended. Type your password to go on; nothing you did was lost.</source>
        <translation>Your session ended. Type your password to go on; nothing you did was lost.</translation>
    </message>
    <message>
        <source>The demo server could not start.</source>
        <translation>The demo server could not start.</translation>
    </message>
    <message>
        <source>Check that nothing else is wrong with this installation, then try again.</source>
        <translation>Check that nothing else is wrong with this installation, then try again.</translation>
    </message>
    <message>
        <source>The desk could not open your session:</source>
        <translation>The desk could not open your session:</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>Signed in as</source>
        <translation>Signed in as</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Voucher code</source>
        <translation>Voucher code</translation>
    </message>
    <message>
        <source>Pending confirmation by the centre.</source>
        <translation>Pending confirmation by the centre.</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>Print the receipt</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>Save the receipt as PDF</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>Next customer</translation>
    </message>
</context>
<context>
    <name>FilterButton</name>
    <message>
        <source>Show all</source>
        <extracomment>Rows whose badge texts size the urgency column at each refresh (more than a screen holds). Called with the width a painted badge needs when its column is narrower (never cut).</extracomment>
        <translation>Show all</translation>
    </message>
</context>
<context>
    <name>FindPage</name>
    <message>
        <source>Find the customer</source>
        <extracomment>Touch targets: at least 48 px high (WCAG 2.5.5 asks 44 CSS px), and large type for a counter. How many interactions the See step shows: the last few, the whole story is on the desk. Matches that are a person&apos;s identifier: one such hit opens the customer at once.</extracomment>
        <translation>Find the customer</translation>
    </message>
    <message>
        <source>Scan the loyalty card, or type a phone number, an e-mail or an order number, then Enter.</source>
        <translation>Scan the loyalty card, or type a phone number, an e-mail or an order number, then Enter.</translation>
    </message>
    <message>
        <source>Loyalty card, phone, e-mail or order number</source>
        <translation>Loyalty card, phone, e-mail or order number</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>Customers found</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <source>Follow-up · overdue</source>
        <translation>Follow-up · overdue</translation>
    </message>
    <message>
        <source>Follow-up · today</source>
        <translation>Follow-up · today</translation>
    </message>
    <message>
        <source>Follow-up · later</source>
        <translation>Follow-up · later</translation>
    </message>
</context>
<context>
    <name>IntegrityBanner</name>
    <message>
        <source>Verify again</source>
        <translation>Verify again</translation>
    </message>
    <message>
        <source>Verifying the decision log…</source>
        <translation>Verifying the decision log…</translation>
    </message>
    <message>
        <source>The centre&apos;s copy confirms it up to entry %1.</source>
        <translation>The centre&apos;s copy confirms it up to entry %1.</translation>
    </message>
    <message>
        <source>The centre&apos;s copy could not be compared: local verification only.</source>
        <translation>The centre&apos;s copy could not be compared: local verification only.</translation>
    </message>
    <message>
        <source>Verified up to entry %1.</source>
        <translation>Verified up to entry %1.</translation>
    </message>
    <message>
        <source>Entries in the log: %1</source>
        <translation>Entries in the log: %1</translation>
    </message>
    <message>
        <source>The decision log could not be verified: %1</source>
        <translation>The decision log could not be verified: %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>X (Twitter)</source>
        <translation>X (Twitter)</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <source>Review site</source>
        <translation>Review site</translation>
    </message>
    <message>
        <source>Store visit</source>
        <translation>Store visit</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Callback</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Web form</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>Praise</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>Waiting for customer</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Late delivery</source>
        <translation>Late delivery</translation>
    </message>
    <message>
        <source>Damaged item</source>
        <translation>Damaged item</translation>
    </message>
    <message>
        <source>Defective product</source>
        <translation>Defective product</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Wrong item</translation>
    </message>
    <message>
        <source>Billing error</source>
        <translation>Billing error</translation>
    </message>
    <message>
        <source>Refund not received</source>
        <translation>Refund not received</translation>
    </message>
    <message>
        <source>Staff behaviour</source>
        <translation>Staff behaviour</translation>
    </message>
    <message>
        <source>Website or app</source>
        <translation>Website or app</translation>
    </message>
    <message>
        <source>Store experience</source>
        <translation>Store experience</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Near target</source>
        <translation>Near target</translation>
    </message>
    <message>
        <source>Past target</source>
        <translation>Past target</translation>
    </message>
    <message>
        <source>Past limit</source>
        <translation>Past limit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <source>Store staff</source>
        <translation>Store staff</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platinum</translation>
    </message>
    <message>
        <source>pending confirmation</source>
        <translation>pending confirmation</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>granted</translation>
    </message>
    <message>
        <source>rejected by the centre</source>
        <translation>rejected by the centre</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>waiting for the team lead</source>
        <translation>waiting for the team lead</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>declined</translation>
    </message>
    <message>
        <source>French</source>
        <translation>French</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>Product quality</translation>
    </message>
    <message>
        <source>Product design</source>
        <translation>Product design</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Warehouse</translation>
    </message>
    <message>
        <source>Wrong information given</source>
        <translation>Wrong information given</translation>
    </message>
    <message>
        <source>Billing system</source>
        <translation>Billing system</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Customer misunderstanding</source>
        <translation>Customer misunderstanding</translation>
    </message>
</context>
<context>
    <name>LogEntryModel</name>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Confirmed by the centre</source>
        <translation>Confirmed by the centre</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Grant</translation>
    </message>
    <message>
        <source>Refused by the centre</source>
        <translation>Refused by the centre</translation>
    </message>
    <message>
        <source>Approval request</source>
        <translation>Approval request</translation>
    </message>
    <message>
        <source>Approval answer</source>
        <translation>Approval answer</translation>
    </message>
    <message>
        <source>Revocation</source>
        <translation>Revocation</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and your network, then try again.</source>
        <translation>The server cannot be reached. Check the address and your network, then try again.</translation>
    </message>
    <message>
        <source>The server had a problem. Try again in a moment.</source>
        <translation>The server had a problem. Try again in a moment.</translation>
    </message>
    <message>
        <source>The server answered something unexpected. Is this the address of an Advisor Desk server?</source>
        <translation>The server answered something unexpected. Is this the address of an Advisor Desk server?</translation>
    </message>
    <message>
        <source>The address must start with https:// (plain http is only allowed on this computer).</source>
        <translation>The address must start with https:// (plain http is only allowed on this computer).</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute before trying again.</source>
        <translation>Too many attempts. Wait a minute before trying again.</translation>
    </message>
    <message>
        <source>This account may not use the desk.</source>
        <translation>This account may not use the desk.</translation>
    </message>
    <message>
        <source>Logging in failed. Check the address, the user name and the password.</source>
        <translation>Logging in failed. Check the address, the user name and the password.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to Advisor Desk</source>
        <extracomment>(server url, result of login) after a successful login</extracomment>
        <translation>Log in to Advisor Desk</translation>
    </message>
    <message>
        <source>Enter the address of your organisation&apos;s Advisor Desk server and your account.</source>
        <translation>Enter the address of your organisation&apos;s Advisor Desk server and your account.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Allow plain http (not secure; for tests only)</source>
        <translation>Allow plain http (not secure; for tests only)</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Fill in the server address, the user name and the password.</source>
        <translation>Fill in the server address, the user name and the password.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Advisor Desk</source>
        <extracomment>The collector&apos;s thresholds once the desk has started (Python&apos;s default is 700, 10, 10). The desk controller listens: &quot;fr&quot;, &quot;en&quot; or &quot;system&quot;.</extracomment>
        <translation>Advisor Desk</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>demo</translation>
    </message>
    <message>
        <source>Work queue</source>
        <translation>Work queue</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Reply: the composer comes here (acknowledge → solve → close, with the checks list). Open a case to prepare its reply.</source>
        <translation>Reply: the composer comes here (acknowledge → solve → close, with the checks list). Open a case to prepare its reply.</translation>
    </message>
    <message>
        <source>Say yes: your envelope left, suggested gestures and amounts come here. Open a case to see what you can grant.</source>
        <translation>Say yes: your envelope left, suggested gestures and amounts come here. Open a case to see what you can grant.</translation>
    </message>
    <message>
        <source>Reply</source>
        <extracomment>The side panels themselves (the composer and Say yes when installed, else placeholders).</extracomment>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Say yes</source>
        <translation>Say yes</translation>
    </message>
    <message>
        <source>Customer 360</source>
        <translation>Customer 360</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>budget left today: %1</source>
        <translation>budget left today: %1</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Sync details…</source>
        <translation>Sync details…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>Search a customer</source>
        <translation>Search a customer</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <source>Record the outcome…</source>
        <translation>Record the outcome…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>About Advisor Desk</source>
        <translation>About Advisor Desk</translation>
    </message>
    <message>
        <source>New activity on the open case.</source>
        <translation>New activity on the open case.</translation>
    </message>
    <message>
        <source>Fetching the customer from the central system…</source>
        <translation>Fetching the customer from the central system…</translation>
    </message>
    <message>
        <source>The customer could not be fetched from the central system.</source>
        <translation>The customer could not be fetched from the central system.</translation>
    </message>
    <message>
        <source>This customer is not in the local cache.</source>
        <translation>This customer is not in the local cache.</translation>
    </message>
    <message>
        <source>The customer could not be read from the local cache.</source>
        <translation>The customer could not be read from the local cache.</translation>
    </message>
    <message>
        <source>The customer you had open was removed from this desk: erased at the centre, or no longer in your scope.</source>
        <translation>The customer you had open was removed from this desk: erased at the centre, or no longer in your scope.</translation>
    </message>
    <message>
        <source>This follow-up is no longer due.</source>
        <translation>This follow-up is no longer due.</translation>
    </message>
    <message>
        <source>Follow-up outcome recorded.</source>
        <translation>Follow-up outcome recorded.</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>Follow-up call</translation>
    </message>
    <message>
        <source>Schedule a follow-up call to check the customer is satisfied?</source>
        <translation>Schedule a follow-up call to check the customer is satisfied?</translation>
    </message>
    <message>
        <source>Schedule a follow-up…</source>
        <translation>Schedule a follow-up…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>This desk has no connection to a central system.</source>
        <translation>This desk has no connection to a central system.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Your session with the central system has ended. The desk keeps working from the cache and your actions wait; log in again to sync them.</source>
        <translation>Your session with the central system has ended. The desk keeps working from the cache and your actions wait; log in again to sync them.</translation>
    </message>
    <message>
        <source>Log in again…</source>
        <translation>Log in again…</translation>
    </message>
    <message>
        <source>Something went wrong while reading or saving. Nothing was lost; try again, and tell support if it keeps happening.</source>
        <translation>Something went wrong while reading or saving. Nothing was lost; try again, and tell support if it keeps happening.</translation>
    </message>
    <message>
        <source>The decision log review of your team comes here.</source>
        <translation>The decision log review of your team comes here.</translation>
    </message>
    <message>
        <source>Team reports come here.</source>
        <translation>Team reports come here.</translation>
    </message>
    <message>
        <source>Internal note…</source>
        <translation>Internal note…</translation>
    </message>
    <message>
        <source>Acknowledge receipt</source>
        <translation>Acknowledge receipt</translation>
    </message>
    <message>
        <source>Send / confirm</source>
        <translation>Send / confirm</translation>
    </message>
    <message>
        <source>Decisions (team lead)</source>
        <translation>Decisions (team lead)</translation>
    </message>
    <message>
        <source>Reports (team lead)</source>
        <translation>Reports (team lead)</translation>
    </message>
    <message>
        <source>Back / close popup</source>
        <translation>Back / close popup</translation>
    </message>
    <message>
        <source>Advisor Desk: one timeline per customer across every channel, and the power to say yes.</source>
        <translation>Advisor Desk: one timeline per customer across every channel, and the power to say yes.</translation>
    </message>
</context>
<context>
    <name>MessageNotifier</name>
    <message>
        <source>New message</source>
        <translation>New message</translation>
    </message>
    <message>
        <source>A new message arrived on the open case ({channel}).</source>
        <translation>A new message arrived on the open case ({channel}).</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Write something first: an empty note is not saved.</source>
        <translation>Write something first: an empty note is not saved.</translation>
    </message>
    <message>
        <source>This text is too long (%1 characters at most).</source>
        <translation>This text is too long (%1 characters at most).</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Seen, dismiss</source>
        <extracomment>A notice that was not on the board before (for a status-bar message or an alert).</extracomment>
        <translation>Seen, dismiss</translation>
    </message>
    <message numerus="yes">
        <source>%n gesture(s) refused by the centre</source>
        <translation>
            <numerusform>%n gesture refused by the centre</numerusform>
            <numerusform>%n gestures refused by the centre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n approval request(s) answered</source>
        <translation>
            <numerusform>%n approval request answered</numerusform>
            <numerusform>%n approval requests answered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Follow-up call outcome</source>
        <translation>Follow-up call outcome</translation>
    </message>
    <message>
        <source>Call again on</source>
        <translation>Call again on</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>How did the call go?</source>
        <translation>How did the call go?</translation>
    </message>
    <message>
        <source>The follow-up is done.</source>
        <translation>The follow-up is done.</translation>
    </message>
    <message>
        <source>The follow-up is done; the case is still open and being handled.</source>
        <translation>The follow-up is done; the case is still open and being handled.</translation>
    </message>
    <message>
        <source>The case will be reopened so that someone handles it again.</source>
        <translation>The case will be reopened so that someone handles it again.</translation>
    </message>
    <message>
        <source>A new case will be opened for this customer.</source>
        <translation>A new case will be opened for this customer.</translation>
    </message>
    <message>
        <source>The call stays in the queue at the new time.</source>
        <translation>The call stays in the queue at the new time.</translation>
    </message>
    <message>
        <source>Choose how the call went.</source>
        <translation>Choose how the call went.</translation>
    </message>
    <message>
        <source>Choose a later time to call again.</source>
        <translation>Choose a later time to call again.</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Open a customer from the work queue or search (Ctrl+K) to start.</source>
        <translation>Open a customer from the work queue or search (Ctrl+K) to start.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <extracomment>Icons every desk screen relies on (channel glyphs from two qtawesome fonts, solid and brands).</extracomment>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Time left</source>
        <extracomment>The user&apos;s time zone: a follow-up is &quot;today&quot; in it. Distinct badge texts of the rows, when the loader worked them out (off the GUI thread).</extracomment>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Follow-up: %1</source>
        <extracomment>Made once: combining Qt flags in Python at each call costs more than the rest of flags().</extracomment>
        <translation>Follow-up: %1</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
</context>
<context>
    <name>QueueWidget</name>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Only the cases assigned to me</source>
        <translation>Only the cases assigned to me</translation>
    </message>
    <message>
        <source>Only my cases</source>
        <translation>Only my cases</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Kinds</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Statuses</translation>
    </message>
    <message>
        <source>Cases per state</source>
        <translation>Cases per state</translation>
    </message>
    <message>
        <source>Work queue</source>
        <translation>Work queue</translation>
    </message>
    <message>
        <source>Loading the work queue…</source>
        <translation>Loading the work queue…</translation>
    </message>
    <message>
        <source>Your team&apos;s cases have not reached this desk yet: they come with the first sync (F5).</source>
        <translation>Your team&apos;s cases have not reached this desk yet: they come with the first sync (F5).</translation>
    </message>
    <message>
        <source>Nothing waiting: no open case matches these filters.</source>
        <translation>Nothing waiting: no open case matches these filters.</translation>
    </message>
    <message>
        <source>Nothing waiting: every case of your team is handled.</source>
        <translation>Nothing waiting: every case of your team is handled.</translation>
    </message>
    <message>
        <source>The work queue could not be read from the local cache. Try F5 to sync again.</source>
        <translation>The work queue could not be read from the local cache. Try F5 to sync again.</translation>
    </message>
    <message>
        <source>Follow-ups %1</source>
        <translation>Follow-ups %1</translation>
    </message>
    <message>
        <source>Mine %1</source>
        <translation>Mine %1</translation>
    </message>
</context>
<context>
    <name>ReadInFullDialog</name>
    <message>
        <source>Full text</source>
        <extracomment>Characters of a preview; beyond it the text is elided and readable in full on demand.</extracomment>
        <translation>Full text</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Goodwill gesture</source>
        <translation>Goodwill gesture</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>Granted by</translation>
    </message>
    <message>
        <source>Goodwill gesture receipt</source>
        <translation>Goodwill gesture receipt</translation>
    </message>
    <message>
        <source>Voucher code</source>
        <translation>Voucher code</translation>
    </message>
    <message>
        <source>Pending confirmation by the centre: this gesture was granted while the store was offline.</source>
        <translation>Pending confirmation by the centre: this gesture was granted while the store was offline.</translation>
    </message>
    <message>
        <source>Thank you for your visit.</source>
        <translation>Thank you for your visit.</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Receipt %1</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>Print the receipt</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Nothing in this period</source>
        <translation>Nothing in this period</translation>
    </message>
    <message>
        <source>Nothing in this period.</source>
        <translation>Nothing in this period.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Complaints opened</source>
        <translation>Complaints opened</translation>
    </message>
    <message>
        <source>Complaints resolved</source>
        <translation>Complaints resolved</translation>
    </message>
    <message>
        <source>Resolved at first contact</source>
        <translation>Resolved at first contact</translation>
    </message>
    <message>
        <source>Goodwill gestures</source>
        <translation>Goodwill gestures</translation>
    </message>
    <message>
        <source>Cost of gestures</source>
        <translation>Cost of gestures</translation>
    </message>
    <message>
        <source>Average satisfaction (team)</source>
        <translation>Average satisfaction (team)</translation>
    </message>
    <message>
        <source>Products under watch</source>
        <translation>Products under watch</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Complaints by category</source>
        <translation>Complaints by category</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>No product</source>
        <translation>No product</translation>
    </message>
    <message>
        <source>Other products</source>
        <translation>Other products</translation>
    </message>
    <message>
        <source>Complaints by product</source>
        <translation>Complaints by product</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Complaints by channel</source>
        <translation>Complaints by channel</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Complaints by week</source>
        <translation>Complaints by week</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Complaints by root cause</source>
        <translation>Complaints by root cause</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <source>Response time per channel</source>
        <translation>Response time per channel</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Within target</source>
        <translation>Within target</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Within limit</source>
        <translation>Within limit</translation>
    </message>
    <message>
        <source>The first response is the acknowledgement of receipt or the first answer, whichever came first. Cases still within their time are not counted yet.</source>
        <translation>The first response is the acknowledgement of receipt or the first answer, whichever came first. Cases still within their time are not counted yet.</translation>
    </message>
    <message>
        <source>Within target (%)</source>
        <translation>Within target (%)</translation>
    </message>
    <message>
        <source>Within limit (%)</source>
        <translation>Within limit (%)</translation>
    </message>
    <message>
        <source>First-contact resolution</source>
        <translation>First-contact resolution</translation>
    </message>
    <message>
        <source>A complaint is resolved at first contact when at most one answer went to the customer before its resolution (the acknowledgement of receipt not counted).</source>
        <translation>A complaint is resolved at first contact when at most one answer went to the customer before its resolution (the acknowledgement of receipt not counted).</translation>
    </message>
    <message>
        <source>Gestures</source>
        <translation>Gestures</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>No case</source>
        <translation>No case</translation>
    </message>
    <message>
        <source>Gestures by complaint category</source>
        <translation>Gestures by complaint category</translation>
    </message>
    <message>
        <source>Gestures by kind</source>
        <translation>Gestures by kind</translation>
    </message>
    <message>
        <source>Gesture</source>
        <translation>Gesture</translation>
    </message>
    <message>
        <source>Gestures by reason</source>
        <translation>Gestures by reason</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>Customer satisfaction (team)</source>
        <translation>Customer satisfaction (team)</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Rated cases</source>
        <translation>Rated cases</translation>
    </message>
    <message>
        <source>Ratings from 1 to 5 recorded in the period, one per case; team figures only.</source>
        <translation>Ratings from 1 to 5 recorded in the period, one per case; team figures only.</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Average rating</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Last quarter</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Chosen dates</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Watch list…</source>
        <translation>Watch list…</translation>
    </message>
    <message>
        <source>Products customers rate poorly, with their complaints and gestures</source>
        <translation>Products customers rate poorly, with their complaints and gestures</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose a last day after the first.</source>
        <translation>The period ends before it starts: choose a last day after the first.</translation>
    </message>
    <message>
        <source>Computing the report…</source>
        <translation>Computing the report…</translation>
    </message>
    <message>
        <source>The report could not be computed from the local cache. Nothing was changed; try again.</source>
        <translation>The report could not be computed from the local cache. Nothing was changed; try again.</translation>
    </message>
    <message>
        <source>Team %1 · %2</source>
        <translation>Team %1 · %2</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Export the report as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Export the report as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written (%1). Choose another folder; the report is still here.</source>
        <translation>The file could not be written (%1). Choose another folder; the report is still here.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Complaints and satisfaction report</source>
        <translation>Complaints and satisfaction report</translation>
    </message>
    <message>
        <source>Advisor Desk · team %1 · %2</source>
        <translation>Advisor Desk · team %1 · %2</translation>
    </message>
    <message>
        <source>Products under watch</source>
        <translation>Products under watch</translation>
    </message>
</context>
<context>
    <name>ResolutionDialog</name>
    <message>
        <source>Resolve the case</source>
        <translation>Resolve the case</translation>
    </message>
    <message>
        <source>Why did this happen? The cause helps the team and the product managers fix it for everyone.</source>
        <translation>Why did this happen? The cause helps the team and the product managers fix it for everyone.</translation>
    </message>
    <message>
        <source>Choose a root cause…</source>
        <translation>Choose a root cause…</translation>
    </message>
    <message>
        <source>No particular product</source>
        <translation>No particular product</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <source>Product concerned</source>
        <translation>Product concerned</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>Choose the root cause of the complaint first.</source>
        <translation>Choose the root cause of the complaint first.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>Refused by the centre</source>
        <translation>Refused by the centre</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Repeat customer</source>
        <translation>Repeat customer</translation>
    </message>
    <message>
        <source>Near the limit</source>
        <translation>Near the limit</translation>
    </message>
    <message>
        <source>High spender</source>
        <translation>High spender</translation>
    </message>
    <message>
        <source>Made offline</source>
        <translation>Made offline</translation>
    </message>
    <message>
        <source>This customer received %1 gestures within %2 days.</source>
        <translation>This customer received %1 gestures within %2 days.</translation>
    </message>
    <message>
        <source>%1 is %2 % of the %3 allowed per decision.</source>
        <translation>%1 is %2 % of the %3 allowed per decision.</translation>
    </message>
    <message>
        <source>%1 spent %2 over the period, %3 % of the team&apos;s median (%4).</source>
        <translation>%1 spent %2 over the period, %3 % of the team&apos;s median (%4).</translation>
    </message>
    <message>
        <source>The centre refused this grant: %1</source>
        <translation>The centre refused this grant: %1</translation>
    </message>
    <message>
        <source>The centre refused this grant.</source>
        <translation>The centre refused this grant.</translation>
    </message>
    <message>
        <source>Decided while the workstation was offline.</source>
        <translation>Decided while the workstation was offline.</translation>
    </message>
    <message>
        <source>Entry %1 of the log was altered.</source>
        <translation>Entry %1 of the log was altered.</translation>
    </message>
    <message>
        <source>Entry %1 of the log was deleted.</source>
        <translation>Entry %1 of the log was deleted.</translation>
    </message>
    <message>
        <source>Entry %1 of the log was inserted.</source>
        <translation>Entry %1 of the log was inserted.</translation>
    </message>
    <message>
        <source>Entry %1 of the log was moved.</source>
        <translation>Entry %1 of the log was moved.</translation>
    </message>
    <message>
        <source>The log was rewritten from entry %1 (the centre&apos;s copy differs).</source>
        <translation>The log was rewritten from entry %1 (the centre&apos;s copy differs).</translation>
    </message>
    <message>
        <source>Entries from %1 on were removed from the log.</source>
        <translation>Entries from %1 on were removed from the log.</translation>
    </message>
    <message>
        <source>The decision log is empty on this workstation.</source>
        <translation>The decision log is empty on this workstation.</translation>
    </message>
    <message>
        <source>Log verified up to entry %1.</source>
        <translation>Log verified up to entry %1.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Team decisions</source>
        <translation>Team decisions</translation>
    </message>
    <message>
        <source>This workstation&apos;s log</source>
        <translation>This workstation&apos;s log</translation>
    </message>
    <message>
        <source>Review comment (optional)</source>
        <translation>Review comment (optional)</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Review comment</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Mark reviewed</translation>
    </message>
    <message>
        <source>Mark the selected decisions reviewed (Ctrl+M)</source>
        <translation>Mark the selected decisions reviewed (Ctrl+M)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Write the decisions shown to a CSV file (Ctrl+E)</source>
        <translation>Write the decisions shown to a CSV file (Ctrl+E)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>All advisors</source>
        <translation>All advisors</translation>
    </message>
    <message>
        <source>All gestures</source>
        <translation>All gestures</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>All reasons</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Reviewed or not</source>
        <translation>Reviewed or not</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Smallest amount</source>
        <translation>Smallest amount</translation>
    </message>
    <message>
        <source>Largest amount</source>
        <translation>Largest amount</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <source>Gesture</source>
        <translation>Gesture</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Every decision taken on this workstation, as chained in its log (read-only).</source>
        <translation>Every decision taken on this workstation, as chained in its log (read-only).</translation>
    </message>
    <message>
        <source>Loading the team&apos;s decisions…</source>
        <translation>Loading the team&apos;s decisions…</translation>
    </message>
    <message>
        <source>no connection to the centre</source>
        <translation>no connection to the centre</translation>
    </message>
    <message>
        <source>The centre could not be asked (%1): showing this workstation&apos;s copy.</source>
        <translation>The centre could not be asked (%1): showing this workstation&apos;s copy.</translation>
    </message>
    <message>
        <source>Decisions of the centre, and %1 held here not yet at the centre.</source>
        <translation>Decisions of the centre, and %1 held here not yet at the centre.</translation>
    </message>
    <message>
        <source>The decisions could not be loaded: %1</source>
        <translation>The decisions could not be loaded: %1</translation>
    </message>
    <message>
        <source>%1 decisions shown</source>
        <translation>%1 decisions shown</translation>
    </message>
    <message>
        <source>spent %1</source>
        <translation>spent %1</translation>
    </message>
    <message>
        <source>%1 flagged</source>
        <translation>%1 flagged</translation>
    </message>
    <message>
        <source>%1 not reviewed</source>
        <translation>%1 not reviewed</translation>
    </message>
    <message>
        <source>Mark reviewed (%1)</source>
        <translation>Mark reviewed (%1)</translation>
    </message>
    <message>
        <source>%1 marked reviewed; sent at the next sync.</source>
        <translation>%1 marked reviewed; sent at the next sync.</translation>
    </message>
    <message>
        <source>The review mark was not saved: %1</source>
        <translation>The review mark was not saved: %1</translation>
    </message>
    <message>
        <source>Export the decisions shown</source>
        <translation>Export the decisions shown</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>%1 decisions written to %2</source>
        <translation>%1 decisions written to %2</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
</context>
<context>
    <name>SatisfactionDialog</name>
    <message>
        <source>Customer satisfaction</source>
        <translation>Customer satisfaction</translation>
    </message>
    <message>
        <source>The score the customer gave for how this case was handled, from 1 to 5:</source>
        <translation>The score the customer gave for how this case was handled, from 1 to 5:</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Choose the score the customer gave.</source>
        <translation>Choose the score the customer gave.</translation>
    </message>
</context>
<context>
    <name>SayYesPage</name>
    <message>
        <source>Say yes</source>
        <translation>Say yes</translation>
    </message>
    <message>
        <source>Order line to refund</source>
        <translation>Order line to refund</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Reason category</source>
        <translation>Reason category</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Choose a reason…</translation>
    </message>
    <message>
        <source>What happened, in a few words</source>
        <translation>What happened, in a few words</translation>
    </message>
    <message>
        <source>Reason, in a few words</source>
        <translation>Reason, in a few words</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
</context>
<context>
    <name>ScheduleFollowUpDialog</name>
    <message>
        <source>Schedule a follow-up call</source>
        <extracomment>How far in the past a chosen time may be (the minute being typed) before it is refused.</extracomment>
        <translation>Schedule a follow-up call</translation>
    </message>
    <message>
        <source>Call the customer back to check that the solution really suits them.</source>
        <translation>Call the customer back to check that the solution really suits them.</translation>
    </message>
    <message>
        <source>What to check (optional)</source>
        <translation>What to check (optional)</translation>
    </message>
    <message>
        <source>Call on</source>
        <translation>Call on</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>This time has passed: choose a time from now on.</source>
        <translation>This time has passed: choose a time from now on.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search a customer: name, e-mail, phone, card, order… (Ctrl+K)</source>
        <translation>Search a customer: name, e-mail, phone, card, order… (Ctrl+K)</translation>
    </message>
    <message>
        <source>Customer search</source>
        <translation>Customer search</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>The local search failed.</source>
        <translation>The local search failed.</translation>
    </message>
    <message>
        <source>The central system could not be searched; showing local results.</source>
        <translation>The central system could not be searched; showing local results.</translation>
    </message>
    <message>
        <source>No customer found in the local cache.</source>
        <translation>No customer found in the local cache.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>from the central system</source>
        <translation>from the central system</translation>
    </message>
</context>
<context>
    <name>SeePage</name>
    <message>
        <source>Last interactions</source>
        <translation>Last interactions</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>No open case.</source>
        <translation>No open case.</translation>
    </message>
    <message>
        <source>What I can grant</source>
        <translation>What I can grant</translation>
    </message>
    <message>
        <source>Say yes (Enter)</source>
        <translation>Say yes (Enter)</translation>
    </message>
    <message>
        <source>Another customer</source>
        <translation>Another customer</translation>
    </message>
</context>
<context>
    <name>SpendCharts</name>
    <message>
        <source>Spend per day</source>
        <translation>Spend per day</translation>
    </message>
    <message>
        <source>Spend per gesture</source>
        <translation>Spend per gesture</translation>
    </message>
    <message>
        <source>Spend per advisor</source>
        <translation>Spend per advisor</translation>
    </message>
    <message>
        <source>No spend in this period</source>
        <translation>No spend in this period</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Spend</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change the case status</source>
        <translation>Change the case status</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>Current status</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>(not known yet)</source>
        <translation>(not known yet)</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>from the centre</source>
        <extracomment>Row height of the counter lists: a finger, not a mouse pointer.</extracomment>
        <translation>from the centre</translation>
    </message>
</context>
<context>
    <name>StoreWindow</name>
    <message>
        <source>Advisor Desk — store counter</source>
        <extracomment>A gesture was granted at the counter. The step now shown (0 find, 1 see, 2 say yes, 3 done).</extracomment>
        <translation>Advisor Desk — store counter</translation>
    </message>
    <message>
        <source>← Back (Esc)</source>
        <translation>← Back (Esc)</translation>
    </message>
    <message>
        <source>Offline: gestures are granted within what remained at the last sync and confirmed by the centre later.</source>
        <translation>Offline: gestures are granted within what remained at the last sync and confirmed by the centre later.</translation>
    </message>
    <message>
        <source>1 Find</source>
        <translation>1 Find</translation>
    </message>
    <message>
        <source>2 See</source>
        <translation>2 See</translation>
    </message>
    <message>
        <source>3 Say yes</source>
        <translation>3 Say yes</translation>
    </message>
    <message>
        <source>Scan a card or type something to search for.</source>
        <translation>Scan a card or type something to search for.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Not on this desk; asking the centre…</source>
        <translation>Not on this desk; asking the centre…</translation>
    </message>
    <message>
        <source>No customer found. Check the number, or ask for the phone number or the e-mail.</source>
        <translation>No customer found. Check the number, or ask for the phone number or the e-mail.</translation>
    </message>
    <message>
        <source>No customer found on this desk, and the centre cannot be reached (offline).</source>
        <translation>No customer found on this desk, and the centre cannot be reached (offline).</translation>
    </message>
    <message>
        <source>The search failed. Try again.</source>
        <translation>The search failed. Try again.</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found: pick one.</source>
        <translation>
            <numerusform>%n customer found: pick one.</numerusform>
            <numerusform>%n customers found: pick one.</numerusform>
        </translation>
    </message>
    <message>
        <source>This customer is not on this desk and cannot be fetched now.</source>
        <translation>This customer is not on this desk and cannot be fetched now.</translation>
    </message>
    <message>
        <source>Fetching the customer from the centre…</source>
        <translation>Fetching the customer from the centre…</translation>
    </message>
    <message>
        <source>This customer is not on this desk.</source>
        <translation>This customer is not on this desk.</translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>card %1</translation>
    </message>
    <message>
        <source>Your authority has not been received from the centre yet: connect once before granting.</source>
        <translation>Your authority has not been received from the centre yet: connect once before granting.</translation>
    </message>
    <message>
        <source>Left today: %1</source>
        <translation>Left today: %1</translation>
    </message>
    <message>
        <source>Left for this customer (30 days): %1</source>
        <translation>Left for this customer (30 days): %1</translation>
    </message>
    <message>
        <source>Confirmed by the centre.</source>
        <translation>Confirmed by the centre.</translation>
    </message>
    <message>
        <source>%1 — not valid</source>
        <translation>%1 — not valid</translation>
    </message>
    <message>
        <source>Refused by the centre: %1</source>
        <translation>Refused by the centre: %1</translation>
    </message>
    <message>
        <source>Suggested for this case</source>
        <translation>Suggested for this case</translation>
    </message>
    <message>
        <source>Amount %1</source>
        <translation>Amount %1</translation>
    </message>
    <message>
        <source>Beyond what I can grant now</source>
        <translation>Beyond what I can grant now</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>From %1 to %2</translation>
    </message>
    <message>
        <source>Nothing left to grant now for this gesture.</source>
        <translation>Nothing left to grant now for this gesture.</translation>
    </message>
    <message>
        <source>Pick a gesture.</source>
        <translation>Pick a gesture.</translation>
    </message>
    <message>
        <source>Choose the order line to refund.</source>
        <translation>Choose the order line to refund.</translation>
    </message>
    <message>
        <source>Pick or type an amount.</source>
        <translation>Pick or type an amount.</translation>
    </message>
    <message>
        <source>Give a reason: a category and a few words.</source>
        <translation>Give a reason: a category and a few words.</translation>
    </message>
    <message>
        <source>Confirm: %1 (Enter)</source>
        <translation>Confirm: %1 (Enter)</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Saying yes…</source>
        <translation>Saying yes…</translation>
    </message>
    <message>
        <source>Granted: %1 %2</source>
        <translation>Granted: %1 %2</translation>
    </message>
    <message>
        <source>The gesture was not saved: %1</source>
        <translation>The gesture was not saved: %1</translation>
    </message>
    <message>
        <source>The gesture was not saved because of an unexpected error. Nothing was granted.</source>
        <translation>The gesture was not saved because of an unexpected error. Nothing was granted.</translation>
    </message>
    <message>
        <source>The receipt could not be saved: %1</source>
        <translation>The receipt could not be saved: %1</translation>
    </message>
    <message>
        <source>Receipt saved: %1</source>
        <translation>Receipt saved: %1</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>Save the receipt as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt sent to the printer.</source>
        <translation>Receipt sent to the printer.</translation>
    </message>
</context>
<context>
    <name>SyncDetails</name>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Waiting actions</source>
        <translation>Waiting actions</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>No error.</source>
        <translation>No error.</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Sync now (F5)</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Sync details and Sync now (F5)</source>
        <translation>Sync details and Sync now (F5)</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting</source>
        <translation>
            <numerusform>%n action waiting</numerusform>
            <numerusform>%n actions waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>synced %1</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>not synced yet</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline — working from the local cache</source>
        <translation>Offline — working from the local cache</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Needs login</source>
        <translation>Needs login</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>overdue %1</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Goodwill gesture: %1 %2</source>
        <translation>Goodwill gesture: %1 %2</translation>
    </message>
    <message>
        <source>Escalation to the team lead: %1 %2</source>
        <translation>Escalation to the team lead: %1 %2</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>survey</translation>
    </message>
    <message>
        <source>entered by the advisor</source>
        <translation>entered by the advisor</translation>
    </message>
    <message>
        <source>Customer satisfaction: %1/5</source>
        <translation>Customer satisfaction: %1/5</translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message>
        <source>Not linked to a case</source>
        <translation>Not linked to a case</translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n interaction</numerusform>
            <numerusform>%n interactions</numerusform>
        </translation>
    </message>
    <message>
        <source>opened %1</source>
        <translation>opened %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Timeline</source>
        <extracomment>Case headers shown at first (all open cases are, however many), then this many more per fetch. Made once: combining Qt flags in Python at each call costs more than the rest of flags(). How many interactions (not gestures, escalations, ratings) the group holds, when known. Product watch flags of the cases&apos; products (watched ones only), by product id. Where each row id sits, (group, row): worked out with the snapshot, off the GUI thread. Called with ids to load; the widget runs the query and calls add_interactions.</extracomment>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Not linked to a case</source>
        <translation>Not linked to a case</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Channels</source>
        <extracomment>How long after a timeline is shown its product-watch flags are read (the first paint comes first). A customer&apos;s timeline was (re)loaded: the current case may have changed state.</extracomment>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Show only some channels</source>
        <translation>Show only some channels</translation>
    </message>
    <message>
        <source>Case filter</source>
        <translation>Case filter</translation>
    </message>
    <message>
        <source>Show one case</source>
        <translation>Show one case</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>All cases</translation>
    </message>
    <message>
        <source>This case only</source>
        <translation>This case only</translation>
    </message>
    <message>
        <source>Show only the case selected in the work queue</source>
        <translation>Show only the case selected in the work queue</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Customer timeline</source>
        <translation>Customer timeline</translation>
    </message>
    <message>
        <source>Read in full</source>
        <translation>Read in full</translation>
    </message>
    <message>
        <source>No customer open. Pick a case in the work queue (Ctrl+1) or search a customer (Ctrl+K).</source>
        <translation>No customer open. Pick a case in the work queue (Ctrl+1) or search a customer (Ctrl+K).</translation>
    </message>
    <message>
        <source>Loading the timeline…</source>
        <translation>Loading the timeline…</translation>
    </message>
    <message>
        <source>No interaction matches these filters.</source>
        <translation>No interaction matches these filters.</translation>
    </message>
    <message>
        <source>This customer has no interaction yet.</source>
        <translation>This customer has no interaction yet.</translation>
    </message>
    <message>
        <source>The timeline could not be read from the local cache.</source>
        <translation>The timeline could not be read from the local cache.</translation>
    </message>
    <message numerus="yes">
        <source>New activity on this case since you opened it: %n new interaction(s).</source>
        <translation>
            <numerusform>New activity on this case since you opened it: %n new interaction.</numerusform>
            <numerusform>New activity on this case since you opened it: %n new interactions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Watch</name>
    <message>
        <source>1 complaint</source>
        <translation>1 complaint</translation>
    </message>
    <message>
        <source>%1 complaints</source>
        <translation>%1 complaints</translation>
    </message>
    <message>
        <source>Under review · %1/5 · %2</source>
        <translation>Under review · %1/5 · %2</translation>
    </message>
    <message>
        <source>Customers rate this product %1/5 on average (%2 ratings over the watch period); its product manager is reviewing it. Complaints about it: %3.</source>
        <translation>Customers rate this product %1/5 on average (%2 ratings over the watch period); its product manager is reviewing it. Complaints about it: %3.</translation>
    </message>
    <message>
        <source>No monthly ratings in the local cache</source>
        <translation>No monthly ratings in the local cache</translation>
    </message>
    <message>
        <source>Watch threshold</source>
        <translation>Watch threshold</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Average rating</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Complaints by root cause</source>
        <translation>Complaints by root cause</translation>
    </message>
    <message>
        <source>Gestures</source>
        <translation>Gestures</translation>
    </message>
    <message>
        <source>Gestures cost</source>
        <translation>Gestures cost</translation>
    </message>
    <message>
        <source>Product manager</source>
        <translation>Product manager</translation>
    </message>
    <message>
        <source>Not resolved yet</source>
        <translation>Not resolved yet</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>Product quality</translation>
    </message>
    <message>
        <source>Product design</source>
        <translation>Product design</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Warehouse</translation>
    </message>
    <message>
        <source>Wrong or missing information</source>
        <translation>Wrong or missing information</translation>
    </message>
    <message>
        <source>Billing system</source>
        <translation>Billing system</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Website or app</source>
        <translation>Website or app</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Customer misunderstanding</source>
        <translation>Customer misunderstanding</translation>
    </message>
    <message>
        <source>Other cause</source>
        <translation>Other cause</translation>
    </message>
    <message>
        <source>Reached, satisfied</source>
        <translation>Reached, satisfied</translation>
    </message>
    <message>
        <source>Reached, not satisfied</source>
        <translation>Reached, not satisfied</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <source>%1/5</source>
        <translation>%1/5</translation>
    </message>
    <message>
        <source>1 – very dissatisfied</source>
        <translation>1 – very dissatisfied</translation>
    </message>
    <message>
        <source>2 – dissatisfied</source>
        <translation>2 – dissatisfied</translation>
    </message>
    <message>
        <source>3 – neither</source>
        <translation>3 – neither</translation>
    </message>
    <message>
        <source>4 – satisfied</source>
        <translation>4 – satisfied</translation>
    </message>
    <message>
        <source>5 – very satisfied</source>
        <translation>5 – very satisfied</translation>
    </message>
</context>
<context>
    <name>WatchListView</name>
    <message>
        <source>Products under watch</source>
        <translation>Products under watch</translation>
    </message>
    <message>
        <source>Loading the watch list…</source>
        <translation>Loading the watch list…</translation>
    </message>
    <message>
        <source>The watch list could not be read from the local cache. Nothing was changed; try again.</source>
        <translation>The watch list could not be read from the local cache. Nothing was changed; try again.</translation>
    </message>
    <message>
        <source>Products rated %1/5 or less on average over the last %2 days, with at least %3 ratings.</source>
        <translation>Products rated %1/5 or less on average over the last %2 days, with at least %3 ratings.</translation>
    </message>
    <message>
        <source>(The central setting could not be used; the default rule applies.)</source>
        <translation>(The central setting could not be used; the default rule applies.)</translation>
    </message>
    <message>
        <source>No product is under watch: none is rated at or below the threshold.</source>
        <translation>No product is under watch: none is rated at or below the threshold.</translation>
    </message>
    <message>
        <source>Rating per month</source>
        <translation>Rating per month</translation>
    </message>
    <message>
        <source>Rating per month: %1</source>
        <translation>Rating per month: %1</translation>
    </message>
</context>
</TS>
