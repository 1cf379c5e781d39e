// `npm run serve [-- --data DIR --port N --lang zh-CN|en]`: Rapport in the browser, no Electron.
// Builds first so the served page always matches the source.
import { spawnSync } from 'node:child_process'

const build = spawnSync('npx', ['electron-vite', 'build'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  shell: process.platform === 'win32',
})
if (build.status !== 0) {
  console.error('The build failed; see the errors above.')
  process.exit(build.status ?? 1)
}
const server = spawnSync(process.execPath, ['out/main/serve.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
})
process.exit(server.status ?? 0)
