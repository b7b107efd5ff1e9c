/**
 * The preview's HTTP server, on 127.0.0.1 only: the page, the state, each page's SVG and the
 * event stream, nothing else (no files from disk, no listing). A request naming another host
 * is refused, so a web page elsewhere cannot reach it through a name that resolves here.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { PreviewSession, PreviewState } from './session.js';
import { viewerHtml } from './viewer.js';

export const LOOPBACK = '127.0.0.1';
const PAGE_PATH = /^\/page\/(\d+)\.svg$/;
const HTTP_OK = 200;
const HTTP_FORBIDDEN = 403;
const HTTP_NOT_FOUND = 404;
const HTTP_NOT_ALLOWED = 405;

export class PreviewServer {
  private readonly server: Server;
  private readonly listeners = new Set<ServerResponse>();

  constructor(
    private session: PreviewSession,
    private readonly name: string,
  ) {
    this.server = createServer((req, res) => this.answer(req, res));
  }

  /** Serve another session's builds (the fonts were opened again). */
  use(session: PreviewSession): void {
    this.session = session;
  }

  /** Listen on 127.0.0.1 at `port` (0: any free port); the port taken. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, LOOPBACK, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** Tell every open page about a build. */
  announce(state: PreviewState): void {
    const message = `event: build\ndata: ${JSON.stringify(state)}\n\n`;
    for (const res of this.listeners) res.write(message);
  }

  close(): Promise<void> {
    for (const res of this.listeners) res.end();
    this.listeners.clear();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const port = (this.server.address() as { port: number } | null)?.port;
    const host = req.headers.host ?? '';
    if (host !== `${LOOPBACK}:${port}` && host !== `localhost:${port}`) {
      res.writeHead(HTTP_FORBIDDEN, { 'content-type': 'text/plain; charset=utf-8' }).end('banmian preview answers for 127.0.0.1 and localhost only\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(HTTP_NOT_ALLOWED, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (url.pathname === '/') {
      res.writeHead(HTTP_OK, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(viewerHtml(this.name));
      return;
    }
    if (url.pathname === '/state') {
      res.writeHead(HTTP_OK, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(this.session.state()));
      return;
    }
    if (url.pathname === '/events') {
      res.writeHead(HTTP_OK, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
      res.write(`event: build\ndata: ${JSON.stringify(this.session.state())}\n\n`);
      this.listeners.add(res);
      req.on('close', () => this.listeners.delete(res));
      return;
    }
    const page = PAGE_PATH.exec(url.pathname);
    const svg = page ? this.session.svg(Number(page[1]), url.searchParams.get('proof') === '1') : undefined;
    if (svg !== undefined) {
      res.writeHead(HTTP_OK, { ...headers, 'content-type': 'image/svg+xml; charset=utf-8' }).end(svg);
      return;
    }
    res.writeHead(HTTP_NOT_FOUND, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
  }
}
