import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Arrival {
  at: number;
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface Loopback {
  port: number;
  /** `127.0.0.1:PORT` */
  host: string;
  arrivals: Arrival[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 for one module's unit tests; the handler sees each request in order. */
export async function loopback(handler: (req: IncomingMessage, res: ServerResponse, arrival: Arrival, index: number) => void | Promise<void>): Promise<Loopback> {
  const arrivals: Arrival[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const arrival: Arrival = { at: Date.now(), method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      arrivals.push(arrival);
      void handler(req, res, arrival, arrivals.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    host: `127.0.0.1:${port}`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
