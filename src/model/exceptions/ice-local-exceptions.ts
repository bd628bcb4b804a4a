/**
 * Ice's local exceptions: raised by the client's own runtime when the server cannot be reached,
 * never sent by a server. Python prints them with Ice's names (`Ice.ConnectionRefusedException`),
 * and OMERO's CLI turns them into its return codes 554 and 555 (reference cli §9.2).
 */
import { INSPECT_CUSTOM } from '../ice/inspect-custom.js';
import { nameException } from './ice-user-exception.js';

/** `Ice.LocalException`: the root of the connection failures below. */
export class IceLocalException extends Error {
  static {
    nameException(this, 'LocalException');
  }

  /** The server's host, as the caller named it. */
  host: string;
  /** The server's port. */
  port: number;

  constructor(message = '', host = '', port = 0) {
    super(message);
    this.host = host;
    this.port = port;
  }

  /** `Ice.<Name>: <message>`, as Python shows an Ice exception. */
  [INSPECT_CUSTOM](): string {
    return `Ice.${this.name}: ${this.message}`;
  }
}

/** Nothing listens at the address (OMERO's CLI: rc 554 `<host>:<port> isn't running`). */
export class ConnectionRefusedException extends IceLocalException {
  static {
    nameException(this, 'ConnectionRefusedException');
  }

  constructor(host = '', port = 0) {
    super(`${host}:${port} isn't running`, host, port);
  }
}

/** The host name does not resolve (OMERO's CLI: rc 555 `bad host name: '<host>'`). */
export class DNSException extends IceLocalException {
  static {
    nameException(this, 'DNSException');
  }

  constructor(host = '', port = 0) {
    super(`bad host name: '${host}'`, host, port);
  }
}

/** The connection broke while a call was in flight (the server stopped or was killed). */
export class ConnectionLostException extends IceLocalException {
  static {
    nameException(this, 'ConnectionLostException');
  }
}

/** Something answers at the address, but not an omero-shell server of this protocol. */
export class ProtocolException extends IceLocalException {
  static {
    nameException(this, 'ProtocolException');
  }
}
