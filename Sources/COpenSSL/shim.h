// Wrappers for OpenSSL macros and variadic functions that Swift cannot import.
// Every wrapper is `static inline` and prefixed `rosplay_`; nothing else lives here.
#ifndef ROSPLAY_COPENSSL_SHIM_H
#define ROSPLAY_COPENSSL_SHIM_H

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

static inline long rosplay_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_min_proto_version(ctx, version);
}

static inline long rosplay_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_max_proto_version(ctx, version);
}

static inline long rosplay_SSL_CTX_set_dh_auto(SSL_CTX *ctx, int onoff) {
    return SSL_CTX_set_dh_auto(ctx, onoff);
}

static inline long rosplay_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}

static inline size_t rosplay_BIO_pending(BIO *bio) {
    return BIO_ctrl_pending(bio);
}

static inline long rosplay_BIO_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

static inline EVP_PKEY *rosplay_EVP_PKEY_generate_ec_p256(void) {
    return EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
}

static inline EVP_PKEY *rosplay_EVP_PKEY_generate_x25519(void) {
    return EVP_PKEY_Q_keygen(NULL, NULL, "X25519");
}

static inline long rosplay_SSL_CTX_enable_partial_writes(SSL_CTX *ctx) {
    return SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
}

#endif
