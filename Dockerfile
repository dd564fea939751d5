# syntax=docker/dockerfile:1
# zapros in a small image: debian:12-slim with the .deb installed (its Depends bring the runtime
# libraries). It keeps a shell and sets no ENTRYPOINT, so GitLab's script: runs in it as in any
# image (ci/zapros.gitlab-ci.yml); `docker run --rm -v "$PWD:/work" IMAGE zapros render …`.
# The final stage's commands are packaging/image-install.sh, which packaging/test-image-tree.sh
# also runs in a debian:12-slim-like chroot where no docker engine is (make distcheck).

FROM debian:12 AS build
WORKDIR /src
# The build packages are the Makefile's list (make deps): installed before the sources are copied,
# so a change of the sources reuses this layer.
COPY Makefile ./
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends make \
    && make deps
COPY . .
# The commit's time, for the same .deb bytes as the release's (.git is not in the context).
ARG SOURCE_DATE_EPOCH
RUN make package

FROM debian:12-slim
COPY --from=build /src/build/zapros_*_amd64.deb /tmp/
COPY packaging/image-install.sh /tmp/
RUN /tmp/image-install.sh /tmp/zapros_*_amd64.deb
WORKDIR /work
CMD ["zapros", "--help"]
