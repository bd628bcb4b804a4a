import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { encodeFrame, FrameDecoder, FrameError } from '../../contract/stream-frames.js';

/**
 * One client's connection as the server's ClientConnection sees it, whichever protocol carries
 * it: a WebSocket, or the plain stream protocol (contract/stream-frames.ts). Frames are JSON text.
 */
export interface FrameChannel {
  /** Sends one frame, if the connection is still open. */
  send(json: string): void;
  /** Ends the connection; `reason` goes to a WebSocket's close frame. */
  close(reason: string): void;
  /** `json` is null for a frame that is not text (a binary WebSocket message). */
  onFrame(listener: (json: string | null) => void): void;
  /** A frame that breaks the protocol (oversized): the connection is refused with `why`. */
  onViolation(listener: (why: string) => void): void;
  onClose(listener: () => void): void;
}

export function webSocketChannel(ws: WebSocket): FrameChannel {
  ws.on('error', () => undefined);
  return {
    send: (json) => {
      if (ws.readyState === ws.OPEN) ws.send(json);
    },
    close: (reason) => ws.close(1008, reason.slice(0, 120)),
    onFrame: (listener) => ws.on('message', (data, isBinary) => listener(isBinary ? null : (data as Buffer).toString('utf8'))),
    // ws itself enforces maxPayload and closes the connection.
    onViolation: () => undefined,
    onClose: (listener) => ws.on('close', listener),
  };
}

/** A stream-protocol client whose preamble has been read; `rest` holds the bytes that came with it. */
export function streamChannel(socket: Socket, rest: Buffer): FrameChannel {
  const decoder = new FrameDecoder();
  const frameListeners: Array<(json: string) => void> = [];
  const violationListeners: Array<(why: string) => void> = [];
  const receive = (chunk: Buffer) => {
    let frames: string[];
    try {
      frames = decoder.push(chunk);
    } catch (e) {
      if (!(e instanceof FrameError)) throw e;
      socket.off('data', receive);
      for (const l of violationListeners) l(e.message);
      return;
    }
    for (const json of frames) for (const l of frameListeners) l(json);
  };
  socket.setNoDelay(true);
  socket.on('error', () => undefined);
  return {
    send: (json) => {
      if (!socket.destroyed && socket.writable) socket.write(encodeFrame(json));
    },
    // The refusal frame, if any, is flushed first.
    close: () => socket.end(() => socket.destroy()),
    onFrame: (listener) => {
      frameListeners.push(listener);
      if (frameListeners.length === 1) {
        socket.on('data', receive);
        if (rest.length > 0) receive(rest);
      }
    },
    onViolation: (listener) => void violationListeners.push(listener),
    onClose: (listener) => socket.on('close', listener),
  };
}
