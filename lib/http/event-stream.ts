// Server-Sent Events on the wire: one event's bytes, and the response that carries a stream of them
// (no caching, no proxy buffering, kept alive).
const encoder = new TextEncoder();

export function sseFrame(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** A comment line (`: text`), or the `retry:` hint: bytes that carry no event. */
export function sseLine(text: string): Uint8Array {
  return encoder.encode(`${text}\n\n`);
}

export function eventStreamResponse(body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' },
  });
}
