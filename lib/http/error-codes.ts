// The one table of API error codes and their HTTP statuses; it also feeds the OpenAPI error schema.
export const errorCodes = {
  invalid_json: { status: 400, description: 'The request body is not valid JSON.' },
  validation_failed: { status: 400, description: 'A field in the body, query or path is missing or invalid.' },
  unknown_flag: { status: 400, description: 'The task flag is not one of scan, rescan, fetch_metadata, duplicatescan.' },
  library_path_invalid: { status: 400, description: 'A library path must be absolute and normalized (no `..` or `.` parts).' },
  library_path_unreadable: { status: 400, description: 'The library path does not exist, is not a folder, or cannot be read.' },
  library_path_forbidden: { status: 400, description: "The path is inside Marquee's own data or transcode folder." },
  unauthorized: { status: 401, description: 'No valid credentials were given.' },
  invalid_credentials: { status: 401, description: 'Username or password is wrong.' },
  forbidden: { status: 403, description: 'The credentials are valid but not allowed to do this.' },
  wrong_password: { status: 403, description: 'The current password given is wrong.' },
  registration_closed: { status: 403, description: 'The server does not accept new accounts.' },
  invite_required: { status: 403, description: 'Registration needs a valid invite code.' },
  account_disabled: { status: 403, description: 'The account has been disabled by an admin.' },
  not_found: { status: 404, description: 'The resource does not exist (or is not yours).' },
  route_not_found: { status: 404, description: 'No API route at this path.' },
  method_not_allowed: { status: 405, description: 'The route exists but not for this HTTP method.' },
  library_path_overlap: { status: 409, description: 'The path is inside, or contains, another library.' },
  conflict: { status: 409, description: 'The request conflicts with the current state.' },
  username_taken: { status: 409, description: 'An account with this username already exists.' },
  email_taken: { status: 409, description: 'An account with this email already exists.' },
  payload_too_large: { status: 413, description: 'The request body is over 1 MiB.' },
  unsupported_media_type: { status: 415, description: 'The body must be application/json.' },
  too_many_requests: { status: 429, description: 'Too many attempts; retry after the Retry-After header.' },
  internal_error: { status: 500, description: 'Something went wrong on the server; quote the request id.' },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof errorCodes;
