// The frame of every signed-in page: header, then a titled main column.
import type { ReactNode } from 'react';
import { AppHeader, type HeaderUser, type NavSection } from './app-header';

interface AppShellProps {
  user: HeaderUser;
  current?: NavSection;
  title: string;
  description?: ReactNode;
  /** Forms read better in a narrower column than tables. */
  narrow?: boolean;
  children: ReactNode;
}

export function AppShell({ user, current, title, description, narrow, children }: AppShellProps) {
  return (
    <>
      <AppHeader user={user} current={current} />
      <main className={`mx-auto ${narrow ? 'max-w-4xl' : 'max-w-6xl'} px-4 py-8 sm:px-6 sm:py-10`}>
        <h1 className="text-2xl font-bold tracking-tight text-zinc-50 [overflow-wrap:anywhere] sm:text-3xl">{title}</h1>
        {description && <p className="mt-2 text-sm text-zinc-400 [overflow-wrap:anywhere]">{description}</p>}
        <div className="mt-8">{children}</div>
      </main>
    </>
  );
}
