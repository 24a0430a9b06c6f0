import type { Metadata } from 'next';
import Link from 'next/link';
import { LinkProblems } from '../../ui/lab/link-problems';
import { sweepFromQuery, sweepQuery } from '@/lib/queueing/sweep-query';
import { SweepApp } from '../../ui/lab/sweep/sweep-app';

export const metadata: Metadata = {
  title: 'Utilisation sweep · Lab',
  description: 'Run one fleet at rising load and watch p50 and p99 bend upwards beside the M/M/c curve: why fleets run at 60 to 70%.',
};

export default async function SweepPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { spec, problems } = sweepFromQuery(await searchParams);
  return (
    <main id="main" className="lab-page">
      <h1>Utilisation sweep</h1>
      <p className="lab-intro">
        The same fleet, run again at each offered load on the same seed, in a background worker. Latency barely moves until the servers are busy, then climbs steeply:
        compare the simulated points with the M/M/c curve of queueing theory. <Link href="/lab">Back to the lab</Link>.
      </p>
      <LinkProblems problems={problems} fallback="sweep" />
      <SweepApp key={sweepQuery(spec)} initial={spec} />
    </main>
  );
}
