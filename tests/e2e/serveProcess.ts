import { spawn, type ChildProcess } from 'node:child_process'

/**
 * Starts browser mode (`out/main/serve.js`, built by `npm run test:e2e`) on a data folder and
 * answers the address it prints. Plain Node, so the benchmark can use it too. `lang` sets the
 * demo network's language on a first launch.
 *
 * `url` is the printed launch address with its one-time key: the first browser that opens it
 * gets the session cookie and is sent on to the app; with that cookie, opening it again (with
 * any `#/route`) leads to the app too. A browser without the cookie gets only directions.
 */
export async function startServe(
  dataDir: string,
  lang?: string,
  timeoutMs = 20_000,
  /** 0 lets the system choose; a test that restarts Rapport where a page expects it gives the old one. */
  port = 0,
): Promise<{ url: string; child: ChildProcess }> {
  const args = ['out/main/serve.js', '--data', dataDir, '--port', String(port)]
  if (lang) args.push('--lang', lang)
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Rapport is running at (\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)))
  })
  return { url, child }
}

/** Stops the server as a user would (Ctrl+C), which folds the journal into the snapshot. */
export async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}
