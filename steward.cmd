@echo off
rem The steward launcher for Windows: builds the CLI jar when it is missing, then runs it.
setlocal
set "ROOT=%~dp0"
set "JAR=%ROOT%cli\target\steward.jar"
where java >nul 2>nul || (echo steward: Java 17 or newer is required, and no 'java' was found 1>&2 & exit /b 2)
if not exist "%JAR%" (
  where mvn >nul 2>nul || (echo steward: Maven 3.8 or newer is required to build the CLI, and 'mvn' was not found 1>&2 & exit /b 2)
  echo steward: building the CLI... 1>&2
  pushd "%ROOT%"
  call mvn -B -q -DskipTests -Dspotless.check.skip=true -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl cli -am package || (popd & echo steward: the build failed 1>&2 & exit /b 2)
  popd
)
java %STEWARD_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
