import noClientPerRequest from './no-client-per-request';
import noDisabledKeepalive from './no-disabled-keepalive';
import noUnconsumedBody from './no-unconsumed-body';

export const rules = {
  'no-client-per-request': noClientPerRequest,
  'no-unconsumed-body': noUnconsumedBody,
  'no-disabled-keepalive': noDisabledKeepalive,
};
