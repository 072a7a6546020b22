// Root hooks of the integration and browser suites: the stack on the Temporal dev server.
import { stackHooks } from './stack';

export const mochaHooks = stackHooks('dev-server');
