// / — home: first run goes to setup, visitors to sign-in, users see their welcome panel.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AppShell } from '@/components/layout/app-shell';
import { getPageUser } from '@/lib/http/page-user';
import { hasAnyUser } from '@/lib/users/register-user';

export default async function HomePage() {
  if (!(await hasAnyUser())) redirect('/setup');
  const user = await getPageUser();
  if (!user) redirect('/login');
  return (
    <AppShell user={user} current="home" title={`Welcome, ${user.name ?? user.username}`}>
      <section aria-labelledby="libraries-heading" className="rounded-2xl border border-dashed border-white/15 bg-zinc-900/40 px-6 py-12 text-center">
        <div aria-hidden className="mx-auto mb-4 flex w-fit gap-1.5">
          {Array.from({ length: 7 }, (_, i) => (
            <span key={i} className="size-2 rounded-full bg-accent-400/70 shadow-[0_0_8px] shadow-accent-400/60" />
          ))}
        </div>
        <h2 id="libraries-heading" className="text-lg font-semibold text-zinc-50">
          Libraries arrive with the scanner
        </h2>
        <p className="mx-auto mt-2 max-w-md text-sm text-zinc-400">
          Movies and shows will appear here once folder scanning lands. Until then you can manage your account and API keys
          {user.role === 'admin' ? ', and the users of this server' : ''}.
        </p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <Link href="/settings" className="rounded-lg bg-white/5 px-4 py-2 text-sm font-semibold text-zinc-100 ring-1 ring-inset ring-white/10 hover:bg-white/10">
            Your account
          </Link>
          {user.role === 'admin' && (
            <Link href="/admin/users" className="rounded-lg bg-white/5 px-4 py-2 text-sm font-semibold text-zinc-100 ring-1 ring-inset ring-white/10 hover:bg-white/10">
              Manage users
            </Link>
          )}
        </div>
      </section>
    </AppShell>
  );
}
