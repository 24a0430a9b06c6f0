'use client';

import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';

const SECTIONS = [
  { href: '/drills', label: 'Overview', exact: true },
  { href: '/drills/practice', label: 'Practice', exact: false },
  { href: '/drills/mock', label: 'Mock interview', exact: false },
  { href: '/drills/review', label: 'Review', exact: false },
];

/** A spinner beside the section being opened: the pages read the database, and a click should show it was heard. */
function PendingMark() {
  const { pending } = useLinkStatus();
  return <span className="link-pending" data-pending={pending} aria-hidden="true" />;
}

/** The drills' own navigation: the four things a learner does here. */
export function DrillsNav() {
  const pathname = usePathname();
  return (
    <nav className="drills-nav" aria-label="Drills">
      {SECTIONS.map((section) => {
        const current = section.exact ? pathname === section.href : pathname === section.href || pathname.startsWith(`${section.href}/`);
        return (
          <Link key={section.href} href={section.href} prefetch={false} aria-current={current ? 'page' : undefined}>
            {section.label}
            <PendingMark />
          </Link>
        );
      })}
    </nav>
  );
}
