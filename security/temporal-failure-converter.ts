// The failure converter of every worker, workflow bundle and client: a failure's message and stack
// trace travel as an encoded payload, so the payload codec encrypts them like any other payload.
// Provider error texts can quote personal data (an SMTP refusal quotes the address), and a failure
// lands in the workflow history. Loaded by path (`failureConverterPath`) inside the workflow sandbox
// too, so it imports nothing but @temporalio/common.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
