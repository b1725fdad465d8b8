// Signing in: the dialog proves a key with /api/v1/account; the key store falls back to memory
// (and says so, quickly) where no keychain service runs; ONE_CODEX_API_KEY is used unstored.
#include "desktop/keystore.h"
#include "desktop/session.h"
#include "net/apiclient.h"
#include "sandboxprocess.h"
#include "signindialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace SeqDrop;

class TestSignIn : public QObject {
    Q_OBJECT

private:
    SandboxProcess m_sandbox;

private Q_SLOTS:
    void initTestCase() {
        qputenv("SEQDROP_RETRY_BASE_MS", "50");
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.stderrText()));
    }

    void dialogAcceptsGoodKeyAndShowsEmail() {
        QNetworkAccessManager nam;
        SignInDialog dialog(m_sandbox.baseUrl(), &nam);
        dialog.show();
        QSignalSpy checked(&dialog, &SignInDialog::checked);
        QTest::keyClicks(dialog.keyEdit(), m_sandbox.apiKey());
        QTest::mouseClick(dialog.checkButton(), Qt::LeftButton);
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.first().first().toBool(), true);
        QVERIFY(dialog.isVerified());
        QVERIFY(!dialog.email().isEmpty());
        QVERIFY2(dialog.statusLabel()->text().contains(dialog.email()),
                 qPrintable(dialog.statusLabel()->text()));
        // The key is never displayed.
        QCOMPARE(dialog.keyEdit()->echoMode(), QLineEdit::Password);
        QVERIFY(!dialog.statusLabel()->text().contains(m_sandbox.apiKey()));
    }

    void dialogRefusesBadKey() {
        QNetworkAccessManager nam;
        SignInDialog dialog(m_sandbox.baseUrl(), &nam);
        dialog.show();
        QSignalSpy checked(&dialog, &SignInDialog::checked);
        const QString bad = QStringLiteral("wrongwrongwrongwrongwrongwrong12");
        QTest::keyClicks(dialog.keyEdit(), bad);
        QTest::keyClick(dialog.keyEdit(), Qt::Key_Return);
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.first().first().toBool(), false);
        QVERIFY(!dialog.isVerified());
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("refused")));
        QVERIFY(!dialog.statusLabel()->text().contains(bad));
    }

    // No keychain daemon in CI: the real QtKeychain path must answer quickly, keep the key in
    // memory and say why. (On a desktop with a keychain the key is stored, then removed.)
    void keyStoreWithoutServiceFallsBackToMemory() {
        KeyStore store;
        store.setTimeout(5000);
        QSignalSpy stored(&store, &KeyStore::stored);
        QElapsedTimer timer;
        timer.start();
        store.store(QStringLiteral("k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1"));
        QVERIFY(stored.wait(10000));
        QVERIFY(timer.elapsed() < 8000);
        const bool persisted = stored.first().at(0).toBool();
        qInfo("keychain: %s", persisted ? "stored" : qPrintable(store.unavailableReason()));
        QCOMPARE(persisted, store.isAvailable());
        if (!persisted)
            QVERIFY(!stored.first().at(1).toString().isEmpty());

        QSignalSpy loaded(&store, &KeyStore::loaded);
        store.load();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().first().toString(),
                 QStringLiteral("k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1"));

        QSignalSpy removed(&store, &KeyStore::removed);
        store.remove();
        QVERIFY(removed.wait(10000));
        loaded.clear();
        store.load();
        QVERIFY(loaded.wait(10000));
        QVERIFY(loaded.first().first().toString().isEmpty());
    }

    void sessionSignInWithoutKeychainSaysSo() {
        qputenv("SEQDROP_KEYCHAIN", "off");
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        KeyStore keys;
        Session session(&api, &keys);
        session.setServerUrl(m_sandbox.baseUrl());
        QSignalSpy message(&session, &Session::message);
        session.signIn(m_sandbox.apiKey(), QStringLiteral("lab@example.org"));
        QVERIFY(message.wait(5000));
        QVERIFY(message.first().first().toString().contains(QStringLiteral("this run only")));
        QCOMPARE(session.keySource(), Session::KeySource::Memory);
        QVERIFY(session.canUpload());
        QVERIFY(!session.maskedKey().contains(m_sandbox.apiKey()));
        QVERIFY(session.maskedKey().size() < 12);
        session.signOut();
        QVERIFY(!session.canUpload());
        QVERIFY(!api.hasApiKey());
        qunsetenv("SEQDROP_KEYCHAIN");
    }

    void environmentKeyIsUsedWithoutStoring() {
        qputenv("ONE_CODEX_API_KEY", m_sandbox.apiKey().toUtf8());
        qputenv("SEQDROP_KEYCHAIN", "off");
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        KeyStore keys;
        QSignalSpy stored(&keys, &KeyStore::stored);
        Session session(&api, &keys);
        session.setServerUrl(m_sandbox.baseUrl());
        session.restore();
        QTRY_COMPARE_WITH_TIMEOUT(session.mode(), Session::Mode::SignedIn, 10000);
        QCOMPARE(session.keySource(), Session::KeySource::Environment);
        QVERIFY(!session.email().isEmpty());
        QCOMPARE(stored.count(), 0);
        qunsetenv("ONE_CODEX_API_KEY");
        qunsetenv("SEQDROP_KEYCHAIN");
    }

    void sandboxLauncherStartsAndIsUsable() {
        qputenv("SEQDROP_SANDBOX_BIN", SEQDROP_SANDBOX_BIN);
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        KeyStore keys;
        Session session(&api, &keys);
        session.startSandbox();
        QTRY_COMPARE_WITH_TIMEOUT(session.mode(), Session::Mode::Sandbox, 15000);
        QVERIFY(session.isSandbox());
        QVERIFY(api.baseUrl().host() == QStringLiteral("127.0.0.1"));
        ApiJob *job = api.account();
        QSignalSpy done(job, &NetworkJob::finished);
        job->start();
        QVERIFY(done.wait(10000));
        QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
        delete job;
        qunsetenv("SEQDROP_SANDBOX_BIN");
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_MAIN(TestSignIn)
#include "tst_ui_signin.moc"
