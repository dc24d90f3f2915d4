# syntax=docker/dockerfile:1
# Watchkeeper's container image: production dependencies installed in a build stage, then the
# TypeScript sources run through tsx (bin/watchkeeper.js) as a non-root user on a read-only root.
#
# Base image: Node 22 (the current LTS; package.json asks for >= 20.19) on Debian bookworm-slim
# rather than Alpine. Development machines and CI run Debian (glibc); with the same libc the
# prebuilt esbuild binary tsx uses and PGlite's WebAssembly run exactly as tested, and no musl
# difference (DNS resolution, locale, stack size) can surprise anyone at 03:00. The price is a few
# tens of MB more than Alpine, shared between every image built on the same base.
#
# No compile step: tsx is a runtime dependency, bin/watchkeeper.js registers it, and the app runs
# the same sources the tests run. tsx compiles each module on first load and caches the result
# under $TMPDIR (/tmp), which must be writable: the Kubernetes manifests mount an emptyDir there.
# Measured: the app answers /healthz about 5 s after a cold start on a busy 2-core machine.
#
# No HEALTHCHECK: Kubernetes probes GET /healthz (liveness) and GET /readyz (readiness) instead.

ARG NODE_IMAGE=node:22-bookworm-slim

# Build stage: only package.json and the lockfile, so the dependency layer is rebuilt only when
# they change. `npm ci` installs exactly what package-lock.json pins, for the platform being built.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Runtime stage: the app and its production dependencies, owned by root and read-only to the app.
FROM ${NODE_IMAGE}
# npm and corepack are not needed to run the app; removing them keeps their bundled packages out of
# the image and out of vulnerability scans.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
    /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
COPY migrations ./migrations
# The image's `node` user, by number so that Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 3000
ENTRYPOINT ["node", "bin/watchkeeper.js"]
CMD ["start"]
