import { RequestContext } from '../services/request-context';
import { Services } from '../services';

/** The GraphQL context: the request context every service takes, plus the services themselves. */
export interface GraphQLContext extends RequestContext {
  services: Services;
}
