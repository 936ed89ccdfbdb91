import NIOCore

/// A SwiftNIO handler that runs TLS through the system OpenSSL with memory BIOs.
///
/// Ciphertext below, plaintext above. Writes made before the handshake completes are held
/// and sent once it does. ``handshakeResult`` completes when the handshake succeeds (and,
/// for a pinned client, the fingerprint matched), after the held writes are sent, or fails
/// with a ``RouterOSError`` at the TLS handshake stage.
package final class OpenSSLHandler: ChannelDuplexHandler {
    package typealias InboundIn = ByteBuffer
    package typealias InboundOut = ByteBuffer
    package typealias OutboundIn = ByteBuffer
    package typealias OutboundOut = ByteBuffer

    private enum State {
        case idle, handshaking, active, closed
    }

    private let engine: SSLEngine
    private var state = State.idle
    private var heldWrites: [(ByteBuffer, EventLoopPromise<Void>?)] = []
    private let handshakePromise: EventLoopPromise<String>

    /// Completes with the negotiated protocol and cipher, or fails with a ``RouterOSError``.
    package var handshakeResult: EventLoopFuture<String> { handshakePromise.futureResult }

    /// - Parameters:
    ///   - trust: how the client checks the router (a server shares one ``SSLContext`` through ``init(context:peerName:on:)``).
    ///   - peerName: for a client, the host or IP address being connected to (checked in `.verify` mode).
    package convenience init(trust: ClientTrust, peerName: String? = nil, on eventLoop: EventLoop) throws {
        try self.init(context: SSLContext(trust), peerName: peerName, on: eventLoop)
    }

    /// A handler sharing an existing context, as a server does for all its connections.
    package init(context: SSLContext, peerName: String? = nil, on eventLoop: EventLoop) throws {
        engine = try SSLEngine(context: context, peerName: peerName)
        handshakePromise = eventLoop.makePromise()
    }

    package func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startHandshake(context: context) }
    }

    /// Taken out of a pipeline mid-handshake (added to a channel that had closed already, it saw
    /// neither channelActive nor channelInactive): the handshake has failed.
    package func handlerRemoved(context: ChannelHandlerContext) {
        if state == .idle || state == .handshaking { fail(RouterOSError(.closedDuringHandshake, stage: .tlsHandshake), context: context, fireError: false) }
    }

    /// A handler that never joined a pipeline (the router closed the connection first) still
    /// answers whoever waits for its handshake.
    deinit {
        if state == .idle || state == .handshaking { handshakePromise.fail(RouterOSError(.closedDuringHandshake, stage: .tlsHandshake)) }
    }

    package func channelActive(context: ChannelHandlerContext) {
        startHandshake(context: context)
        context.fireChannelActive()
    }

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard state == .handshaking || state == .active else { return }
        engine.feed(unwrapInboundIn(data))
        if state == .handshaking { advanceHandshake(context: context) }
        if state == .active { readPlaintext(context: context) }
    }

    package func channelInactive(context: ChannelHandlerContext) {
        if state == .handshaking || state == .idle {
            fail(RouterOSError(.closedDuringHandshake, stage: .tlsHandshake), context: context, fireError: false)
        }
        state = .closed
        failHeldWrites(ChannelError.ioOnClosedChannel)
        context.fireChannelInactive()
    }

    package func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let plaintext = unwrapOutboundIn(data)
        switch state {
        case .idle, .handshaking:
            heldWrites.append((plaintext, promise))
        case .active:
            encryptAndWrite(plaintext, promise: promise, context: context)
        case .closed:
            promise?.fail(ChannelError.ioOnClosedChannel)
        }
    }

    package func flush(context: ChannelHandlerContext) {
        if state == .active { context.flush() }
    }

    package func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        if state == .active, mode == .all {
            engine.shutdown()
            writeOutput(context: context, promise: nil)
            context.flush()
        }
        if state != .closed, mode == .all {
            if state != .active { fail(RouterOSError(.closedDuringHandshake, stage: .tlsHandshake), context: context, fireError: false) }
            state = .closed
        }
        context.close(mode: mode, promise: promise)
    }

    // MARK: - Handshake

    private func startHandshake(context: ChannelHandlerContext) {
        guard state == .idle else { return }
        state = .handshaking
        advanceHandshake(context: context)
    }

    private func advanceHandshake(context: ChannelHandlerContext) {
        do {
            let complete = try engine.handshake()
            writeOutput(context: context, promise: nil)
            context.flush()
            guard complete else { return }
            try engine.checkPin()
            state = .active
            let held = heldWrites
            heldWrites = []
            for (plaintext, promise) in held {
                encryptAndWrite(plaintext, promise: promise, context: context)
            }
            context.flush()
            // Last, so that nothing its callbacks write can overtake the held writes.
            handshakePromise.succeed(engine.negotiated)
        } catch {
            writeOutput(context: context, promise: nil)
            context.flush()
            fail(error, context: context, fireError: true)
            context.close(promise: nil)
        }
    }

    private func fail(_ error: Error, context: ChannelHandlerContext, fireError: Bool) {
        guard state != .closed else { return }
        state = .closed
        handshakePromise.fail(error)
        failHeldWrites(error)
        if fireError { context.fireErrorCaught(error) }
    }

    private func failHeldWrites(_ error: Error) {
        let held = heldWrites
        heldWrites = []
        for (_, promise) in held { promise?.fail(error) }
    }

    // MARK: - Data

    private func readPlaintext(context: ChannelHandlerContext) {
        do {
            loop: while true {
                switch try engine.read(allocator: context.channel.allocator) {
                case .data(let plaintext): context.fireChannelRead(wrapInboundOut(plaintext))
                case .wantMore: break loop
                case .closed:
                    state = .closed
                    context.close(promise: nil)
                    break loop
                }
            }
            // Reading can produce output (TLS 1.3 post-handshake messages, key updates): send it now.
            writeOutput(context: context, promise: nil)
            context.flush()
        } catch {
            state = .closed
            context.fireErrorCaught(error)
            context.close(promise: nil)
        }
    }

    private func encryptAndWrite(_ plaintext: ByteBuffer, promise: EventLoopPromise<Void>?, context: ChannelHandlerContext) {
        do {
            try engine.write(plaintext)
            writeOutput(context: context, promise: promise)
        } catch {
            promise?.fail(error)
            context.fireErrorCaught(error)
        }
    }

    private func writeOutput(context: ChannelHandlerContext, promise: EventLoopPromise<Void>?) {
        if let ciphertext = engine.drainOutput(allocator: context.channel.allocator) {
            context.write(wrapOutboundOut(ciphertext), promise: promise)
        } else {
            promise?.succeed(())
        }
    }
}

@available(*, unavailable)
extension OpenSSLHandler: Sendable {}
