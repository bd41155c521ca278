/** What no answer to a client may contain: stacks, file paths, PostgreSQL's words, our internals' names. */
export const ANSWER_LEAKS: ReadonlyArray<[string, RegExp]> = [
  ['INTERNAL_SERVER_ERROR', /INTERNAL_SERVER_ERROR|Internal server error/],
  ['stack', /\n\s+at |\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+/],
  ['path', /node_modules|\/work\/|\/home\/|\/tmp\/|dist\/src/],
  [
    'SQL',
    /violates|duplicate key|syntax error at or near|relation "|invalid input syntax for|out of range for type|invalid byte sequence|QueryFailedError|SQLSTATE|bigint|timestamptz|::text/,
  ],
];
