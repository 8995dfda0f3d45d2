// The file server's jail: the whole path-trick matrix, checked on a real folder with links, FIFOs and a
// secret file next to the root that must never be read or written.
#include "netcore/files/pathjail.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace netcore::files;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestFilesJail : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    QString m_secret;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath(u"root"_s);
        m_secret = m_dir.filePath(u"secret.txt"_s);
        QVERIFY(QDir().mkpath(m_root + u"/sub"_s));
        writeFile(m_secret, "top secret"_ba);
        writeFile(m_root + u"/a.txt"_s, "alpha"_ba);
        writeFile(m_root + u"/.hidden"_s, "hidden"_ba);
        writeFile(m_root + u"/sub/inner.txt"_s, "inner"_ba);
        writeFile(m_root + u"/笔记.txt"_s, "notes"_ba);
        QVERIFY(QFile::link(u"a.txt"_s, m_root + u"/link_in"_s));
        QVERIFY(QFile::link(u"../secret.txt"_s, m_root + u"/link_out"_s));
        QVERIFY(QFile::link(m_secret, m_root + u"/link_abs"_s));
        QVERIFY(QFile::link(u".hidden"_s, m_root + u"/link_hidden"_s));
        QVERIFY(QFile::link(u"sub"_s, m_root + u"/link_dir"_s));
        QVERIFY(QFile::link(u"sub/inner.txt"_s, m_root + u"/link_nested"_s));
        QVERIFY(QFile::link(u"nowhere"_s, m_root + u"/dangling"_s));
        QCOMPARE(::mkfifo(QFile::encodeName(m_root + u"/fifo"_s).constData(), 0600), 0);
    }

    void namesAreChecked_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("expected");
        const auto row = [](const char *tag, const QString &name, JailError error) {
            QTest::newRow(tag) << name << int(error);
        };
        row("plain", u"a.txt"_s, JailError::None);
        row("spaces", u"my file.txt"_s, JailError::None);
        row("chinese", u"笔记.txt"_s, JailError::None);
        row("dots inside", u"a..b"_s, JailError::None);
        row("percent-encoded dots are just a name", u"%2e%2e"_s, JailError::None);
        row("255 bytes", QString(255, u'x'), JailError::None);
        row("empty", QString(), JailError::Empty);
        row("256 bytes", QString(256, u'x'), JailError::TooLong);
        row("86 chinese = 258 bytes", QString(86, QChar(0x7b14)), JailError::TooLong);
        row("absolute", u"/etc/passwd"_s, JailError::Absolute);
        row("absolute backslash", u"\\windows\\win.ini"_s, JailError::Absolute);
        row("drive letter", u"C:\\boot.ini"_s, JailError::Absolute);
        row("dotdot", u".."_s, JailError::ParentReference);
        row("dotdot slash", u"../secret.txt"_s, JailError::ParentReference);
        row("dotdot backslash", u"..\\secret.txt"_s, JailError::ParentReference);
        row("dotdot deep", u"sub/../../secret.txt"_s, JailError::ParentReference);
        row("trailing dotdot", u"sub/.."_s, JailError::ParentReference);
        row("subfolder", u"sub/inner.txt"_s, JailError::Separator);
        row("backslash", u"sub\\inner.txt"_s, JailError::Separator);
        row("trailing slash", u"a.txt/"_s, JailError::Separator);
        row("dot", u"."_s, JailError::Hidden);
        row("hidden", u".hidden"_s, JailError::Hidden);
        row("three dots", u"..."_s, JailError::Hidden);
        row("partial file", u".socketeer-upload-0123.part"_s, JailError::Hidden);
        row("nul", u"a\0b"_s, JailError::ControlCharacter);
        row("nul at end", QStringView(u"a.txt\0", 6).toString(), JailError::ControlCharacter);
        row("newline", u"a\nb"_s, JailError::ControlCharacter);
        row("carriage return", u"a\r"_s, JailError::ControlCharacter);
        row("tab", u"a\tb"_s, JailError::ControlCharacter);
        row("escape", u"\x1b[31m"_s, JailError::ControlCharacter);
        row("del", u"a\x7f"_s, JailError::ControlCharacter);
        row("c1 next line", QString(QChar(0x85)), JailError::ControlCharacter);
    }

    void namesAreChecked()
    {
        QFETCH(QString, name);
        QFETCH(int, expected);
        QCOMPARE(int(checkName(name)), expected);
        QVERIFY(!jailErrorString(JailError(expected)).isEmpty());
    }

    void readsStayInside_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("expected");
        QTest::newRow("regular") << u"a.txt"_s << int(JailError::None);
        QTest::newRow("chinese") << u"笔记.txt"_s << int(JailError::None);
        QTest::newRow("link inside") << u"link_in"_s << int(JailError::None);
        QTest::newRow("link out relative") << u"link_out"_s << int(JailError::OutsideRoot);
        QTest::newRow("link out absolute") << u"link_abs"_s << int(JailError::OutsideRoot);
        QTest::newRow("link to hidden") << u"link_hidden"_s << int(JailError::LinkToHidden);
        QTest::newRow("link to nested file") << u"link_nested"_s << int(JailError::OutsideRoot);
        QTest::newRow("link to folder") << u"link_dir"_s << int(JailError::NotRegular);
        QTest::newRow("dangling link") << u"dangling"_s << int(JailError::DanglingLink);
        QTest::newRow("folder") << u"sub"_s << int(JailError::NotRegular);
        QTest::newRow("fifo") << u"fifo"_s << int(JailError::NotRegular);
        QTest::newRow("missing") << u"nope.txt"_s << int(JailError::NotFound);
        QTest::newRow("hidden") << u".hidden"_s << int(JailError::Hidden);
        QTest::newRow("dotdot") << u"../secret.txt"_s << int(JailError::ParentReference);
        QTest::newRow("absolute") << m_secret << int(JailError::Absolute);
        QTest::newRow("nested") << u"sub/inner.txt"_s << int(JailError::Separator);
    }

    void readsStayInside()
    {
        QFETCH(QString, name);
        QFETCH(int, expected);
        const PathJail jail(m_root);
        QVERIFY(jail.isValid());
        const OpenResult opened = jail.openForRead(name);
        QCOMPARE(int(opened.error), expected);
        if (expected == int(JailError::None)) {
            QVERIFY(opened.file && opened.file->isOpen());
            QVERIFY(opened.file->readAll() != "top secret"_ba);
        } else {
            QVERIFY(!opened.file);
        }
    }

    void writesStayInside_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("expected");
        QTest::addColumn<bool>("exists");
        QTest::newRow("new") << u"new.txt"_s << int(JailError::None) << false;
        QTest::newRow("existing") << u"a.txt"_s << int(JailError::None) << true;
        QTest::newRow("link inside") << u"link_in"_s << int(JailError::SymbolicLink) << false;
        QTest::newRow("link out") << u"link_out"_s << int(JailError::SymbolicLink) << false;
        QTest::newRow("dangling") << u"dangling"_s << int(JailError::SymbolicLink) << false;
        QTest::newRow("folder") << u"sub"_s << int(JailError::NotRegular) << false;
        QTest::newRow("fifo") << u"fifo"_s << int(JailError::NotRegular) << false;
        QTest::newRow("dotdot") << u"../evil.txt"_s << int(JailError::ParentReference) << false;
        QTest::newRow("absolute") << m_dir.filePath(u"evil.txt"_s) << int(JailError::Absolute) << false;
        QTest::newRow("hidden") << u".bashrc"_s << int(JailError::Hidden) << false;
    }

    void writesStayInside()
    {
        QFETCH(QString, name);
        QFETCH(int, expected);
        QFETCH(bool, exists);
        const PathJail jail(m_root);
        bool there = false;
        QCOMPARE(int(jail.checkWritable(name, &there)), expected);
        QCOMPARE(there, exists);
        const QString path = jail.partialPath(name, 3, u"127.0.0.1"_s);
        const OpenResult partial = jail.openPartial(path, name);
        QCOMPARE(int(partial.error), expected);
        if (partial.file)
            QFile::remove(path);
    }

    void partialFilesAreHiddenAndDistinct()
    {
        const PathJail jail(m_root);
        const QString path = jail.partialPath(u"a.txt"_s, 5, u"127.0.0.2"_s);
        QVERIFY(path.startsWith(jail.root() + u"/."_s));
        QVERIFY(path != jail.partialPath(u"a.txt"_s, 6, u"127.0.0.2"_s));
        QVERIFY(path != jail.partialPath(u"b.txt"_s, 5, u"127.0.0.2"_s));
        QVERIFY(path != jail.partialPath(u"a.txt"_s, 5, u"127.0.0.3"_s));   // another uploader, another partial
        QCOMPARE(jail.partialPath(u"a.txt"_s, 5, u"127.0.0.2"_s), path);
    }

    void commitNeverReplacesUnlessAllowed()
    {
        const PathJail jail(m_root);
        writeFile(m_root + u"/.part-test"_s, "replacement"_ba);
        QString detail;
        QCOMPARE(jail.commit(m_root + u"/.part-test"_s, u"a.txt"_s, false, &detail), JailError::Exists);
        QCOMPARE(readFile(m_root + u"/a.txt"_s), "alpha"_ba);
        QCOMPARE(jail.commit(m_root + u"/.part-test"_s, u"link_out"_s, true, &detail), JailError::SymbolicLink);
        QCOMPARE(readFile(m_secret), "top secret"_ba);
        QCOMPARE(jail.commit(m_root + u"/.part-test"_s, u"fresh.txt"_s, false, &detail), JailError::None);
        QCOMPARE(readFile(m_root + u"/fresh.txt"_s), "replacement"_ba);
        writeFile(m_root + u"/.part-test"_s, "second"_ba);
        QCOMPARE(jail.commit(m_root + u"/.part-test"_s, u"fresh.txt"_s, true, &detail), JailError::None);
        QCOMPARE(readFile(m_root + u"/fresh.txt"_s), "second"_ba);
        QVERIFY(QFile::remove(m_root + u"/fresh.txt"_s));
    }

    void listShowsOnlyServableFiles()
    {
        const PathJail jail(m_root);
        QStringList names;
        for (const RemoteFileInfo &info : jail.list())
            names << info.name;
        QCOMPARE(names, (QStringList{u"a.txt"_s, u"link_in"_s, u"笔记.txt"_s}));
        QCOMPARE(jail.list().constFirst().size, 5);
    }

    void missingRootIsInvalid()
    {
        QVERIFY(!PathJail(m_dir.filePath(u"missing"_s)).isValid());
        QVERIFY(!PathJail(m_secret).isValid());
    }

    void cleanupTestCase()
    {
        // Nothing outside the root was read into or written: the secret and its folder are as they were.
        QCOMPARE(readFile(m_secret), "top secret"_ba);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 (QStringList{u"root"_s, u"secret.txt"_s}));
    }
};

QTEST_GUILESS_MAIN(TestFilesJail)
#include "tst_filesjail.moc"
