# chibo-bot in a container: `docker compose up -d` (see compose.yaml and README.md, "Deploying").
# Stage 1 installs every package (better-sqlite3 compiles if no prebuilt binary fits), generates
# the Prisma client and compiles dist/; stage 2 keeps only what runs, as a user without privileges.

FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_URL=file:/app/data/chibo.db \
    BACKUP_DIR=/app/data/backups \
    HTTP_PORT=8080
WORKDIR /app
# What the compiled bot reads at run time: its bundle, packages, migrations, texts and templates.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/locales ./locales
COPY --from=build /app/bot/core/features/reports/templates ./bot/core/features/reports/templates
RUN mkdir -p /app/data && chown node:node /app/data && chmod 700 /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8080)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The same command as `npm start` after its build step (test/unit/deployment.test.ts checks it).
CMD ["node", "--liftoff-only", "--max-semi-space-size=1", "--optimize-for-size", "dist/main.js"]
