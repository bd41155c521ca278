import { Services } from '../services';
import { BackgroundContext } from '../services/background-context';

/** What background jobs run with: the use cases' background context and the shared services to call. */
export interface JobContext extends BackgroundContext {
  services: Services;
}
