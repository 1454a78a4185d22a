// A port nothing listens on now (the system picks it), so two runs or a leftover never collide:
// for servers started in a child process (src/server/ops/bundle.test.ts, bench/cold-start.ts,
// bench/public-reads.ts).
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return await new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}
