/**
 * Benchmark 6, the published package: what `npm pack` would ship, packed and unpacked, and its
 * largest parts (lib/, the jsii assembly, API.md, the bundled dependencies).
 */
import { execFileSync } from 'child_process';
import { REPO } from './common';

export interface PackageSizeResult {
  readonly packedBytes: number;
  readonly unpackedBytes: number;
  readonly files: number;
  /** Unpacked bytes by part: `lib/`, `.jsii`, `API.md`, `node_modules/<bundled>` and the rest. */
  readonly parts: Record<string, number>;
}

export function benchPackageSize(): PackageSizeResult {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: REPO, encoding: 'utf8' }));
  const parts: Record<string, number> = {};
  for (const f of packed.files as { path: string; size: number }[]) {
    const part = f.path.startsWith('node_modules/') ? f.path.split('/').slice(0, 2).join('/')
      : f.path.startsWith('lib/') ? 'lib/' : ['.jsii', 'API.md'].includes(f.path) ? f.path : 'other';
    parts[part] = (parts[part] ?? 0) + f.size;
  }
  return { packedBytes: packed.size, unpackedBytes: packed.unpackedSize, files: packed.entryCount, parts };
}
