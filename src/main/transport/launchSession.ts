import { randomBytes, timingSafeEqual } from 'node:crypto'
import { parse as parseCookies, serialize as serializeCookie } from 'cookie'

/** The query parameter of the address printed at launch. */
export const LAUNCH_PARAM = 'launch'

/**
 * Who may use browser mode: whoever opens the address printed at launch. Any local user can
 * connect to 127.0.0.1, so the page itself must not be the secret. The one-time launch secret is
 * traded for an HttpOnly, SameSite=Strict cookie; only that cookie gets the app and the API.
 */
export interface LaunchSession {
  /** The secret in the printed address; null once it has been traded. */
  readonly launchSecret: string | null
  /** `name=value`, as a Cookie header carries it (for the launcher's own tools and tests). */
  readonly cookie: string
  readonly cookieName: string
  /** Trades the launch secret (once) for the Set-Cookie header value; null when it is spent or wrong. */
  trade(secret: string): string | null
  /** True when the request's Cookie header carries this launch's session. */
  isSignedIn(cookieHeader: string | undefined): boolean
}

/** `port` is read when needed: a server asked for port 0 learns its own only once it listens. */
export function createLaunchSession(port: () => number): LaunchSession {
  let launchSecret: string | null = randomBytes(32).toString('base64url')
  const session = randomBytes(32).toString('base64url')
  // Cookies are not separated by port: two Rapports on one machine must not share a name.
  const name = () => `rapport-session-${port()}`
  return {
    get launchSecret() {
      return launchSecret
    },
    get cookie() {
      return `${name()}=${session}`
    },
    get cookieName() {
      return name()
    },
    trade(secret) {
      if (launchSecret === null || !sameSecret(secret, launchSecret)) return null
      launchSecret = null
      return serializeCookie(name(), session, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
      })
    },
    isSignedIn(cookieHeader) {
      if (!cookieHeader) return false
      const given = parseCookies(cookieHeader)[name()]
      return given !== undefined && sameSecret(given, session)
    },
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * What a browser without the session sees: how to get in, in both languages, and no secret.
 * Plain HTML with no script, so it works before anything else is allowed.
 */
export const SIGN_IN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rapport</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}section+section{margin-top:2rem;border-top:1px solid #ddd;padding-top:1rem}</style>
</head><body>
<section lang="en">
<h1>Open Rapport with the link from its launch</h1>
<p>Rapport is running, but this browser has not been let in. Only the person who started Rapport can use it.</p>
<p>Open the address that was printed in the terminal where Rapport was started; it contains a one-time key. Each address works once: if it has been used already (or this is another browser), stop Rapport with Ctrl+C and start it again to get a new one.</p>
</section>
<section lang="zh-CN">
<h1>请用启动时给出的链接打开 Rapport</h1>
<p>Rapport 正在运行，但这个浏览器还没有获得访问权限。只有启动 Rapport 的人才能使用它。</p>
<p>请打开启动 Rapport 的终端窗口里显示的地址，其中带有一次性密钥。每个地址只能使用一次：如果已经用过（或者换了浏览器），请按 Ctrl+C 停止 Rapport，再重新启动，以获得新的地址。</p>
</section>
</body></html>
`
