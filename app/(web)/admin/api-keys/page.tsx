// /admin/api-keys — API keys for the TVDB proxy (/tvdb/v4) and its usage, for admins.
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { ProxyKeys } from '@/components/admin/proxy-keys-client';
import { ProxyUsageView } from '@/components/admin/proxy-usage-client';
import { AppShell } from '@/components/layout/app-shell';
import { Panel } from '@/components/ui/panel';
import { config } from '@/lib/config';
import { requirePageAdmin } from '@/lib/http/page-user';
import { listProxyKeys, proxyUsage } from '@/lib/tvdb/proxy-keys';

export const metadata: Metadata = { title: 'TVDB API keys' };

export default async function AdminApiKeysPage() {
  const admin = await requirePageAdmin('/admin/api-keys');
  const [keys, usage] = await Promise.all([listProxyKeys({ page: 1, per_page: 20 }), proxyUsage()]);
  const { rateLimit, burst } = config().tvdb.proxy;
  return (
    <AppShell
      user={admin}
      current="admin"
      title="TVDB API keys"
      description={
        <>
          Keys for apps that use this server in place of TheTVDB: they log in at <code className="font-mono text-zinc-300">/tvdb/v4/login</code> and read from its cache.
        </>
      }
    >
      <AdminNav current="api-keys" />
      <div className="space-y-6">
        <ProxyKeys initialPage={keys} defaults={{ rateLimit, burst }} />
        <Panel title="Usage" description="Requests through the proxy. Counts are written every few seconds.">
          <ProxyUsageView initialUsage={usage} today={new Date().toISOString().slice(0, 10)} />
        </Panel>
      </div>
    </AppShell>
  );
}
