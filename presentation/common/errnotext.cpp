#include "presentation/common/errnotext.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace presentation::common {
namespace {

struct ErrnoText {
    Q_DECLARE_TR_FUNCTIONS(presentation::common::ErrnoText)
};

} // namespace

QString errnoText(int error)
{
    switch (error) {
    case EPERM: return ErrnoText::tr("operation not permitted");
    case ENOENT: return ErrnoText::tr("no such file or folder");
    case EINTR: return ErrnoText::tr("interrupted by a signal");
    case EIO: return ErrnoText::tr("input/output error (the disk or device failed)");
    case EBADF: return ErrnoText::tr("bad file descriptor");
    case EAGAIN: return ErrnoText::tr("temporarily unavailable, try again");
    case ENOMEM: return ErrnoText::tr("out of memory");
    case EACCES: return ErrnoText::tr("permission denied");
    case EEXIST: return ErrnoText::tr("already exists");
    case EXDEV: return ErrnoText::tr("cannot move across file systems");
    case ENOTDIR: return ErrnoText::tr("not a folder");
    case EISDIR: return ErrnoText::tr("is a folder");
    case EINVAL: return ErrnoText::tr("invalid argument");
    case ENFILE: return ErrnoText::tr("the system has too many open files");
    case EMFILE: return ErrnoText::tr("this program has too many open files");
    case EFBIG: return ErrnoText::tr("file too large (a size limit such as ulimit -f)");
    case ENOSPC: return ErrnoText::tr("no space left on the disk");
    case EROFS: return ErrnoText::tr("the file system is read-only");
    case EPIPE: return ErrnoText::tr("the other side closed the connection (broken pipe)");
    case ENAMETOOLONG: return ErrnoText::tr("file name too long");
    case ELOOP: return ErrnoText::tr("too many levels of symbolic links");
    case ENOTEMPTY: return ErrnoText::tr("folder not empty");
    case EDQUOT: return ErrnoText::tr("disk quota exceeded");
    case ENOTSOCK: return ErrnoText::tr("not a socket");
    case EMSGSIZE: return ErrnoText::tr("message too long");
    case EADDRINUSE: return ErrnoText::tr("address already in use (another program has this port)");
    case EADDRNOTAVAIL: return ErrnoText::tr("this computer has no such address");
    case ENETDOWN: return ErrnoText::tr("the network is down");
    case ENETUNREACH: return ErrnoText::tr("network unreachable");
    case ECONNABORTED: return ErrnoText::tr("connection aborted");
    case ECONNRESET: return ErrnoText::tr("connection reset by the other side");
    case ENOBUFS: return ErrnoText::tr("no buffer space available");
    case ENOTCONN: return ErrnoText::tr("not connected");
    case ETIMEDOUT: return ErrnoText::tr("timed out");
    case ECONNREFUSED: return ErrnoText::tr("connection refused (nothing listens on that port)");
    case EHOSTDOWN: return ErrnoText::tr("the host is down");
    case EHOSTUNREACH: return ErrnoText::tr("no route to the host");
    default:
        break;
    }
    const char *name = strerrorname_np(error);
    return u"errno %1 (%2)"_s.arg(error).arg(name ? QString::fromLatin1(name) : u"?"_s);
}

} // namespace presentation::common
