// Every API contract, in the order the OpenAPI document lists them.
import * as auth from './auth-contracts';
import * as user from './user-contracts';
import * as accountMail from './account-mail-contracts';
import * as admin from './admin-contracts';
import * as system from './system-contracts';
import * as library from './library-contracts';
import * as image from './image-contracts';
import * as stream from './stream-contracts';
import * as tracking from './tracking-contracts';
import * as proxyKeys from './proxy-key-contracts';
import * as metadata from './metadata-contracts';
import * as backup from './backup-contracts';
import * as tvtime from './tvtime-contracts';
import * as scrobble from './scrobble-contracts';
import * as trakt from './trakt-contracts';
import * as remote from './remote-contracts';
import * as upload from './upload-contracts';
import type { Contract } from '@/lib/http/contract';

export const allContracts: Contract[] = [...Object.values(system), ...Object.values(auth), ...Object.values(user), ...Object.values(accountMail), ...Object.values(admin), ...Object.values(library), ...Object.values(image), ...Object.values(stream), ...Object.values(remote), ...Object.values(tracking), ...Object.values(metadata), ...Object.values(trakt), ...Object.values(proxyKeys),
  ...Object.values(backup),
  ...Object.values(tvtime),
  ...Object.values(scrobble),
  ...Object.values(upload),
];
