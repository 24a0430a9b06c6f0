import Link from 'next/link';
import { NavLink } from './nav-link';
import { SearchButton } from './search/search-button';
import { ThemeToggle } from './theme-toggle';

export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" prefetch={false} className="site-logo" aria-label="Traffic Cop home">
        <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="5" cy="12" r="3" fill="currentColor" />
          <path d="M8 12h4M12 12l6-6M12 12h6M12 12l6 6" stroke="currentColor" strokeWidth="2" fill="none" />
          <circle cx="19" cy="6" r="2" fill="currentColor" />
          <circle cx="19" cy="12" r="2" fill="currentColor" />
          <circle cx="19" cy="18" r="2" fill="currentColor" />
        </svg>
        <span className="wordmark">Traffic Cop</span>
      </Link>
      <nav className="site-nav" aria-label="Main">
        <NavLink href="/learn">Learn</NavLink>
        <NavLink href="/lab">Lab</NavLink>
        <NavLink href="/exercises">Exercises</NavLink>
        <NavLink href="/drills">Drills</NavLink>
        <NavLink href="/progress">Progress</NavLink>
      </nav>
      <span className="spacer" />
      <SearchButton />
      <Link href="/account" prefetch={false} className="icon-button" aria-label="Your account" title="Your account">
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </Link>
      <ThemeToggle />
    </header>
  );
}
