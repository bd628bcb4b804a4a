import type { Readable } from 'node:stream';

/** A readable stream, as `process.stdin` or a pipe. */
export type InputStream = NodeJS.ReadableStream & { readonly isTTY?: boolean };

const NEWLINE = 0x0a;

/**
 * Reads exactly one line from `stream` and leaves everything after it unread: the bytes that
 * arrived in the same chunk are pushed back with `unshift()`, so a later reader (the shell, a
 * script on stdin) still sees them. `node:readline` cannot do this — it consumes whole chunks —
 * hence the byte-level reading. The line is returned without its `\n` (or `\r\n`); at end of
 * input the text read so far is the line, and null means the stream ended with nothing at all.
 *
 * The stream is left as found (not paused, no listeners). A pipe that is never closed keeps the
 * process alive while Node buffers ahead; a caller that reads nothing more may `destroy()` it.
 */
export function readLine(stream: InputStream): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let settled = false;

    const finish = (line: Buffer | null, rest?: Buffer | string): void => {
      if (settled) return;
      settled = true;
      stream.removeListener('readable', onReadable);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      if (rest !== undefined && rest.length > 0) stream.unshift(rest);
      if (line === null) return resolve(null);
      let text = line.toString('utf8');
      if (text.endsWith('\r')) text = text.slice(0, -1);
      resolve(text);
    };
    const onReadable = (): void => {
      let chunk: Buffer | string | null;
      while (!settled && (chunk = stream.read() as Buffer | string | null) !== null) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        const nl = bytes.indexOf(NEWLINE);
        if (nl < 0) {
          parts.push(bytes);
          continue;
        }
        parts.push(bytes.subarray(0, nl));
        const rest = bytes.subarray(nl + 1);
        // A stream decoding to strings takes the remainder back as a string.
        finish(Buffer.concat(parts), typeof chunk === 'string' ? rest.toString('utf8') : rest);
      }
    };
    const onEnd = (): void => finish(parts.length > 0 ? Buffer.concat(parts) : null);
    const onError = (err: Error): void => {
      if (settled) return;
      settled = true;
      stream.removeListener('readable', onReadable);
      stream.removeListener('end', onEnd);
      reject(err);
    };

    if ((stream as Readable).readableEnded) return resolve(null);
    stream.on('readable', onReadable);
    stream.once('end', onEnd);
    stream.once('error', onError);
    onReadable();
  });
}
