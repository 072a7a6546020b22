// Root hooks of the time-skipping suite: the stack on the Java time-skipping test server.
import { stackHooks } from './stack';

export const mochaHooks = stackHooks('time-skipping');
