# Sourced by the scripts: sets MM_JVM_OPTIONS from config/jvm/*.options, the one place the JVM flags live.
# MM_JVM_PROFILE selects an extra profile file config/jvm/<profile>.options (e.g. low-latency) when present.
_mm_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MM_JVM_OPTIONS=("@$_mm_root/config/jvm/base.options")
_mm_java_version="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
if [ "${_mm_java_version%%.*}" -ge 24 ] 2>/dev/null; then
    MM_JVM_OPTIONS+=("@$_mm_root/config/jvm/jdk25.options")
fi
if [ -n "${MM_JVM_PROFILE:-}" ] && [ -f "$_mm_root/config/jvm/${MM_JVM_PROFILE}.options" ]; then
    MM_JVM_OPTIONS+=("@$_mm_root/config/jvm/${MM_JVM_PROFILE}.options")
fi
