// Loaded with `node --import` into the forked stand-in of a utility process: gives it Electron's
// `process.parentPort`, and MessagePort-like ports carried over the fork's IPC channel.
import { EventEmitter } from 'node:events'

const ports = new Map()
function childPort(id) {
  let port = ports.get(id)
  if (port) return port
  port = new EventEmitter()
  port.postMessage = (data) => process.send({ kind: 'port', port: id, data })
  port.start = () => {}
  port.close = () => ports.delete(id)
  ports.set(id, port)
  return port
}

const parentPort = new EventEmitter()
parentPort.postMessage = (data) => process.send({ kind: 'parent', data })
process.parentPort = parentPort

process.on('message', (message) => {
  if (message.kind === 'parent') {
    parentPort.emit('message', { data: message.data, ports: message.ports.map(childPort) })
  } else if (message.kind === 'port') {
    ports.get(message.port)?.emit('message', { data: message.data })
  }
})

// Electron ends a utility process with the app; without its parent this one ends too.
process.on('disconnect', () => process.exit(1))
