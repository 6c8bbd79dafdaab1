/**
 * How AWS Lambda handlers are written: the export Lambda invokes once per event, the wrappers
 * monitoring and middleware libraries put around it, and the `aws-lambda` type package that names
 * handler and event types. Data only; `contexts/lambda-handlers.ts` reads it.
 */

/** Exported names AWS Lambda invokes once per event. */
export const LAMBDA_HANDLER_EXPORTS: ReadonlySet<string> = new Set(['handler']);

/**
 * Wrappers whose result is the exported handler and which call the wrapped function once per
 * event: middy `middy(fn)`, Datadog `datadog(fn)`, Sentry `Sentry.AWSLambda.wrapHandler(fn)` /
 * `Sentry.wrapHandler(fn)`, Lumigo `lumigo.trace(fn)`, Epsagon `epsagon.lambdaWrapper(fn)`, and a
 * project's own `wrap(fn)` / `withSentry(fn)` / `loggingWrapper(fn)`. Matched by the callee's last
 * name, and only where the call's result is exported as a handler.
 */
export const LAMBDA_WRAPPER_NAMES: ReadonlySet<string> = new Set([
  'middy',
  'datadog',
  'wrap',
  'wrapper',
  'wrapHandler',
  'lambdaWrapper',
  'trace',
  'instrument',
]);
/** `withSentry`, `wrapLambda`, `withMiddlewares`, `errorWrapper`. */
export const LAMBDA_WRAPPER_NAME_PATTERN = /^(wrap|with)[A-Z0-9_]|Wrapper$/;
/** middy's `middy().use(...).handler(fn)`: the method that takes the handler on a wrapper chain. */
export const LAMBDA_WRAPPER_HANDLER_METHODS: ReadonlySet<string> = new Set(['handler']);
/** middy's `middy(fn).before(hook)`: methods whose function runs once per event beside the handler. */
export const LAMBDA_WRAPPER_HOOK_METHODS: ReadonlySet<string> = new Set(['before', 'after', 'onError']);

/** Names the first parameter of an exported Lambda handler has (`exported-lambda-event-handlers.ts`). */
export const LAMBDA_EVENT_PARAMETER_NAMES: ReadonlySet<string> = new Set(['event', 'evt']);

/**
 * Fields only an AWS event has: the record batch of SQS, SNS, S3, Kinesis and DynamoDB-stream events
 * (`Records`), and the request of API Gateway (REST and HTTP APIs) and function URL events.
 */
export const LAMBDA_EVENT_FIELDS: ReadonlySet<string> = new Set([
  'Records',
  'pathParameters',
  'queryStringParameters',
  'multiValueQueryStringParameters',
  'requestContext',
  'httpMethod',
  'rawPath',
  'rawQueryString',
  'isBase64Encoded',
]);

/** The type package every TypeScript Lambda imports its handler and event types from. */
export const AWS_LAMBDA_TYPES_MODULE = 'aws-lambda';
/** `Handler`, `APIGatewayProxyHandler`, `SQSHandler`, `APIGatewayProxyHandlerV2`, ... */
export const LAMBDA_HANDLER_TYPE_NAME = /Handler(V\d)?$/;
/** `APIGatewayProxyEvent`, `SQSEvent`, `S3Event`, `EventBridgeEvent`, `ScheduledEvent`, ... */
export const LAMBDA_EVENT_TYPE_NAME = /Event/;

/**
 * Decorators that mark a class method as the Lambda handler, on any receiver: Powertools
 * `@tracer.captureLambdaHandler()`, `@logger.injectLambdaContext()`, `@metrics.logMetrics()`.
 */
export const LAMBDA_HANDLER_DECORATOR_METHODS: ReadonlySet<string> = new Set([
  'captureLambdaHandler',
  'injectLambdaContext',
  'logMetrics',
]);
