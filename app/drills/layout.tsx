import type { ReactNode } from 'react';
import { DrillsNav } from '@/app/ui/drills/drills-nav';
import '@/app/ui/drills/drills.css';

/** Every drills page shares its navigation; pages render inside the one <main>. */
export default function DrillsLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="page drills-page">
      <DrillsNav />
      {children}
    </main>
  );
}
