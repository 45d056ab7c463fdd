// `npm run import -- FILE`: restores an export into an empty database (lib/backup).
import { importCommand } from '../lib/backup/backup-cli';

process.exitCode = await importCommand(process.argv.slice(2));
