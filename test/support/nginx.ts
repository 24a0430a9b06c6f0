import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where Debian's nginx lives, if it is installed. */
export const NGINX_BIN = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((bin) => spawnSync(bin, ['-v']).status === 0);

/**
 * The configuration the README's deployment section describes: round robin over the instances,
 * no stickiness, the client's address passed on, and a failed connection retried on the next
 * instance. Open-source nginx checks health passively (max_fails); the tests wait for each
 * instance's /api/health before nginx sends it traffic. X-Upstream says which instance answered.
 */
export function nginxConfig(options: { port: number; upstreams: string[]; dir: string }): string {
  const { port, upstreams, dir } = options;
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 8m;
  upstream traffic_cop {
${upstreams.map((address) => `    server ${address} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://traffic_cop;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

export interface RunningNginx {
  baseUrl: string;
  stop(): Promise<void>;
  errorLog(): string;
}

/** Starts nginx in the foreground on 127.0.0.1:`port`, balancing over `upstreams` (host:port). */
export async function startNginx(port: number, upstreams: string[]): Promise<RunningNginx> {
  if (!NGINX_BIN) throw new Error('nginx is not installed (apt-get install nginx-light)');
  const dir = mkdtempSync(path.join(tmpdir(), 'traffic-cop-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, sub));
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig({ port, upstreams, dir }));
  const test = spawnSync(NGINX_BIN, ['-t', '-c', conf, '-p', dir]);
  if (test.status !== 0) throw new Error(`nginx -t failed: ${test.stderr.toString()}`);
  const child: ChildProcess = spawn(NGINX_BIN, ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(`${baseUrl}/api/health`);
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('nginx did not start listening');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    baseUrl,
    errorLog: () => readFileSync(path.join(dir, 'error.log'), 'utf8'),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGQUIT');
      }),
  };
}
