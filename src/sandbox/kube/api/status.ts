// Errors as the API server reports them: a `Status` object (kind Status, status Failure) and its HTTP code.
import { qualifiedName, type ResourceType } from '../resources.js';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: { reason?: string; message: string; field?: string }[];
}

export interface StatusObject {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** Thrown anywhere in request handling; the server turns it into the Status response. */
export class ApiError extends Error {
  readonly status: StatusObject;

  constructor(code: number, reason: string, message: string, details?: StatusDetails) {
    super(message);
    this.name = 'ApiError';
    this.status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details ? { details } : {}),
      code,
    };
  }

  get code(): number {
    return this.status.code;
  }
}

function detailsFor(type: ResourceType, name?: string): StatusDetails {
  return {
    ...(name ? { name } : {}),
    ...(type.group ? { group: type.group } : {}),
    kind: type.name,
  };
}

export function notFound(type: ResourceType, name: string): ApiError {
  return new ApiError(
    404,
    'NotFound',
    `${qualifiedName(type)} "${name}" not found`,
    detailsFor(type, name),
  );
}

export function alreadyExists(type: ResourceType, name: string): ApiError {
  return new ApiError(
    409,
    'AlreadyExists',
    `${qualifiedName(type)} "${name}" already exists`,
    detailsFor(type, name),
  );
}

export function conflict(type: ResourceType, name: string): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedName(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    detailsFor(type, name),
  );
}

export interface ForbiddenRequest {
  user: string;
  verb: string;
  type: ResourceType;
  subresource?: string;
  namespace?: string;
  name?: string;
}

/** The RBAC refusal, worded like kube-apiserver's `forbiddenMessage`. */
export function forbidden(request: ForbiddenRequest): ApiError {
  const { type, name, namespace } = request;
  const resource = request.subresource ? `${type.name}/${request.subresource}` : type.name;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const reason = `User "${request.user}" cannot ${request.verb} resource "${resource}" in API group "${type.group}" ${scope}`;
  const subject = name ? `${qualifiedName(type)} "${name}"` : qualifiedName(type);
  return new ApiError(
    403,
    'Forbidden',
    `${subject} is forbidden: ${reason}`,
    detailsFor(type, name),
  );
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

/** What a JSON patch that cannot be applied (a failed `test`, a missing path) answers: 422 Invalid. */
export function unprocessablePatch(): ApiError {
  return new ApiError(
    422,
    'Invalid',
    'the server rejected our request due to an error in our request',
    {},
  );
}

export function expired(message: string): ApiError {
  return new ApiError(410, 'Expired', message);
}

export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

export function pageNotFound(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function methodNotAllowed(): ApiError {
  return new ApiError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );
}

export function unsupportedMediaType(): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json',
  );
}

/** An injected server failure, shaped like the generic responses client-go builds for 5xx and 429. */
export function injectedFailure(code: number): ApiError {
  if (code === 429) {
    return new ApiError(
      429,
      'TooManyRequests',
      'the server has received too many requests and has asked us to try again later',
    );
  }
  if (code === 503) {
    return new ApiError(
      503,
      'ServiceUnavailable',
      'the server is currently unable to handle the request',
    );
  }
  if (code === 504) {
    return new ApiError(
      504,
      'Timeout',
      'the server was unable to return a response in the time allotted, but may still be processing the request',
    );
  }
  if (code >= 500) {
    return new ApiError(code, 'InternalError', 'Internal error occurred: injected failure', {
      causes: [{ message: 'injected failure' }],
    });
  }
  return new ApiError(code, 'Unknown', `the server responded with the status code ${code}`);
}

/** A validation failure on one field: `Deployment.apps "web" is invalid: spec.replicas: ...` (422). */
export function invalid(
  type: ResourceType,
  name: string,
  field: string,
  message: string,
): ApiError {
  const kind = type.group ? `${type.kind}.${type.group}` : type.kind;
  return new ApiError(422, 'Invalid', `${kind} "${name}" is invalid: ${field}: ${message}`, {
    ...detailsFor(type, name),
    kind: type.kind,
    causes: [{ reason: 'FieldValueInvalid', message, field }],
  });
}

export function preconditionFailed(type: ResourceType, name: string, message: string): ApiError {
  return new ApiError(409, 'Conflict', `Precondition failed: ${message}`, detailsFor(type, name));
}
