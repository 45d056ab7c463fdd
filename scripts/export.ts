// `npm run export -- [--out FILE]`: the whole database as one versioned JSON document (lib/backup).
import { exportCommand } from '../lib/backup/backup-cli';

process.exitCode = await exportCommand(process.argv.slice(2));
