# syntax=docker/dockerfile:1
# Turnstile Admin's image: built with the Maven Wrapper, run on a JRE 25 (virtual threads on) as a
# non-root user. No secret goes into the image: every setting comes from the environment at run time
# (see docker-compose.yml and .env.example).

FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
# The whole context, .git included: the build puts the commit into /actuator/info. Only this stage sees it.
COPY . .
# Maven's repository is a BuildKit cache, kept between builds and never part of an image.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B package -DskipTests
# The jar split into layers: dependencies change rarely, the application at every commit.
RUN java -Djarmode=tools -jar target/turnstile-admin-*.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:25-jre
# A fixed uid, so that volumes and a platform's "run as non-root" checks know it.
RUN groupadd --system --gid 10001 turnstile \
    && useradd --system --uid 10001 --gid turnstile --home-dir /app --shell /usr/sbin/nologin turnstile \
    && mkdir -p /app/data && chown turnstile:turnstile /app/data
WORKDIR /app
# Least often changed first, so that a new commit rebuilds only the last layer.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
USER 10001:10001
EXPOSE 8080
# Measured with the load benchmark (README "Performance"): the heap at most 40% of the container's limit
# (docker-compose.yml gives the app 512 MB), as metaspace, code and the JIT need about 200 MB besides;
# out of memory ends the JVM, so that the container is restarted. The Serial GC is what the JVM picks
# under 1792 MB anyway, named so that a larger limit keeps it. A 64 MB code cache (in one segment) and
# the C library's heap trimmed every 5 s keep about 35 MB less resident; metaspace is bounded.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=40 -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m -XX:TrimNativeHeapInterval=5000"
# The image has no curl or wget: bash asks the app over a plain socket, and only a 200 counts.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /actuator/health/liveness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '^HTTP/[0-9.]* 200' <&3"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
