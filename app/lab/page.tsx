import type { Metadata } from 'next';
import Link from 'next/link';
import { LinkProblems } from '../ui/lab/link-problems';
import { encodeLabState } from '@/lib/lab/lab-state';
import { resolveLabRequest } from '@/lib/lab/resolve-lab-request';
import { LabApp } from '../ui/lab/lab-app';

export const metadata: Metadata = {
  title: 'Lab',
  description: 'Run load-balancing algorithms on simulated traffic: kill servers, compare algorithms side by side, and share the exact run.',
};

export default async function LabPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { state, presetId, problems } = resolveLabRequest(await searchParams);
  return (
    <main id="main" className="lab-page">
      <h1>Lab</h1>
      <p className="lab-intro">
        A seeded simulation of clients, a load balancer and servers, running in a background worker. Change anything and it starts again; kill a server while it runs;
        compare two algorithms on identical traffic. The address bar always holds a link that replays this exact run.
      </p>
      <p className="lab-intro">
        To see how latency grows with load, run a <Link href="/lab/sweep">utilisation sweep</Link> beside queueing theory.
      </p>
      <LinkProblems problems={problems} fallback="lab" />
      <LabApp key={encodeLabState(state)} initial={state} presetId={presetId} />
    </main>
  );
}
